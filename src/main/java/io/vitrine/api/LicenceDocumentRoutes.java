package io.vitrine.api;

import io.javalin.http.Context;
import io.vitrine.ingest.IngestService;
import io.vitrine.ingest.Upload;
import io.vitrine.rights.LicenceDocument;
import io.vitrine.rights.LicenceService;
import io.vitrine.storage.BlobStore;
import java.io.IOException;
import java.util.Set;

/**
 * Documents kept with a licence: the signed contract, a model release form. PDF and images only, by
 * content (a renamed executable is refused); downloads are attachments, never rendered inline.
 */
final class LicenceDocumentRoutes {
    private static final Set<String> ACCEPTED = Set.of("application/pdf", "image/jpeg", "image/png", "image/tiff", "image/webp");

    private final LicenceService licences;
    private final MultipartReader multipart;
    private final IngestService ingest;
    private final BlobStore blobs;
    private final BlobResponder responder;

    LicenceDocumentRoutes(LicenceService licences, MultipartReader multipart, IngestService ingest, BlobStore blobs) {
        this.licences = licences;
        this.multipart = multipart;
        this.ingest = ingest;
        this.blobs = blobs;
        this.responder = new BlobResponder(blobs);
    }

    void add(Context ctx) throws IOException {
        String licenceId = licences.get(ctx.pathParam("id")).id();
        Upload upload = multipart.read(ctx);
        try (var blob = upload.blob()) {
            if (blob == null || blob.bytes() == 0) {
                throw ApiException.badRequest("the 'file' part is missing or empty");
            }
            String type = ingest.mediaTypeOf(blob, upload.filename());
            if (!ACCEPTED.contains(type)) {
                throw new ApiException(415, "unsupported-document", "Unsupported document",
                        "a licence document is a PDF or an image (JPEG, PNG, TIFF, WebP); this file is " + type);
            }
            LicenceDocument d = licences.addDocument(licenceId, blob, upload.filename(), type, blobs);
            AuditTrail.target(ctx, licenceId);
            AuditTrail.detail(ctx, "document", d.id());
            ctx.status(201).json(LicenceJson.view(licences.get(licenceId), java.util.List.of(d)).documents().getFirst());
        }
    }

    void get(Context ctx) throws IOException {
        LicenceDocument d = licences.documents(licences.get(ctx.pathParam("id")).id()).stream()
                .filter(x -> x.id().equals(ctx.pathParam("documentId"))).findFirst()
                .orElseThrow(() -> new ApiException(404, "not-found", "Not found", "licence " + ctx.pathParam("id")
                        + " has no document " + Deliverer.abbreviate(ctx.pathParam("documentId"))));
        responder.send(ctx, new BlobResponder.Delivery(d.sha256(), d.mediaType(), d.filename(), true));
    }
}
