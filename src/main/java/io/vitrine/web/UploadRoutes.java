package io.vitrine.web;

import io.javalin.http.Context;
import io.vitrine.asset.UserMetadata;
import io.vitrine.ingest.DuplicatePolicy;
import io.vitrine.ingest.IngestResult;
import io.vitrine.ingest.IngestService;
import io.vitrine.ingest.InvalidUploadException;
import io.vitrine.ingest.Upload;
import io.vitrine.storage.BlobTooLargeException;
import java.io.IOException;
import java.io.InputStream;
import org.apache.commons.fileupload2.core.FileItemInput;
import org.apache.commons.fileupload2.core.FileItemInputIterator;
import org.apache.commons.fileupload2.core.FileUploadException;
import org.apache.commons.fileupload2.jakarta.servlet5.JakartaServletDiskFileUpload;

/**
 * {@code POST /upload}: one file per request (the page's script sends them one by one with
 * progress), streamed to staging like the API's upload, answered with a small JSON result the
 * script shows per file: new, duplicate of another asset, or failed with the reason.
 */
final class UploadRoutes {
    private final IngestService ingest;
    private final WebAccess access;
    private final Pages pages;

    UploadRoutes(IngestService ingest, WebAccess access, Pages pages) {
        this.ingest = ingest;
        this.access = access;
        this.pages = pages;
    }

    void page(Context ctx, Sessions.SignedIn who) {
        pages.render(ctx, "upload", new UploadPage(Chrome.of("Upload", who)));
    }

    void upload(Context ctx, Sessions.SignedIn who) throws IOException {
        String type = ctx.contentType();
        if (type == null || !type.startsWith("multipart/form-data")) {
            ctx.status(400).json(Result.failed(null, "send the file as multipart/form-data"));
            return;
        }
        try {
            IngestResult r = ingest.ingest(read(ctx).withOwner(access.person(who.principal())));
            if (r.outcome() == IngestResult.Outcome.DUPLICATE && !access.sees(who.principal(), r.asset())) {
                // same answer as the API's 409: the existing asset is outside this user's markets
                ctx.json(Result.failed(r.asset().filename(), "the same file is already stored, in an asset you cannot see"));
                return;
            }
            if (r.outcome() != IngestResult.Outcome.DUPLICATE) {
                access.record(who, "asset.upload", r.asset().id(), java.util.Map.of("via", "web", "filename", r.asset().filename()));
            }
            ctx.json(result(r));
        } catch (InvalidUploadException e) {
            // a refused file is an ordinary per-file outcome the page shows, not a broken request
            ctx.json(Result.failed(null, e.getMessage()));
        } catch (BlobTooLargeException e) {
            ctx.json(Result.failed(null, "the file is larger than the limit of " + AssetPages.size(ingest.maxBytes())));
        } catch (FileUploadException e) {
            ctx.status(e.getCause() instanceof BlobTooLargeException ? 413 : 400)
                    .json(Result.failed(null, "the upload could not be read: " + e.getMessage()));
        }
    }

    private Upload read(Context ctx) throws IOException {
        FileItemInputIterator parts = new JakartaServletDiskFileUpload().getItemIterator(ctx.req());
        while (parts.hasNext()) {
            FileItemInput part = parts.next();
            if ("file".equals(part.getFieldName())) {
                try (InputStream in = part.getInputStream()) {
                    return new Upload(ingest.stage(in), part.getName(), UserMetadata.EMPTY, DuplicatePolicy.LINK);
                }
            }
        }
        throw new InvalidUploadException("the request has no part named 'file'");
    }

    private static Result result(IngestResult r) {
        String outcome = r.outcome() == IngestResult.Outcome.DUPLICATE ? "duplicate" : "new";
        return new Result(outcome, r.asset().id(), r.asset().filename(), "/assets/" + r.asset().id(), r.duplicateOf(),
                r.asset().status().apiName(), r.asset().statusReason());
    }

    /** The JSON the upload script reads. */
    public record Result(String outcome, String id, String filename, String url, String duplicateOf, String status, String reason) {
        static Result failed(String filename, String reason) {
            return new Result("failed", null, filename, null, null, null, reason);
        }
    }
}
