package io.vitrine.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import io.vitrine.asset.Asset;
import io.vitrine.asset.AssetService;
import io.vitrine.asset.Page;
import io.vitrine.asset.Rendition;
import io.vitrine.ingest.IngestResult;
import io.vitrine.ingest.IngestService;
import io.vitrine.ingest.Upload;
import java.io.IOException;
import java.util.List;

/** The asset routes: each parses, calls a service, maps the result. */
final class AssetRoutes {
    private final AssetService assets;
    private final IngestService ingest;
    private final MultipartReader multipart;
    private final BlobResponder blobs;
    private final ObjectMapper json;
    private final EnrichmentLookup enrichment;

    /** The enrichment of an asset as the caller should see it (language from the request). */
    @FunctionalInterface
    interface EnrichmentLookup {
        EnrichmentView view(String assetId, Context ctx);
    }

    AssetRoutes(AssetService assets, IngestService ingest, MultipartReader multipart, BlobResponder blobs, ObjectMapper json,
            EnrichmentLookup enrichment) {
        this.assets = assets;
        this.ingest = ingest;
        this.multipart = multipart;
        this.blobs = blobs;
        this.json = json;
        this.enrichment = enrichment;
    }

    void upload(Context ctx) throws IOException {
        Upload upload = multipart.read(ctx);
        IngestResult r = ingest.ingest(upload);
        ctx.status(r.outcome() == IngestResult.Outcome.DUPLICATE ? 200 : 201);
        if (r.outcome() != IngestResult.Outcome.DUPLICATE) {
            ctx.header("Location", "/api/v1/assets/" + r.asset().id());
        }
        ctx.json(AssetView.of(r.asset(), false, r.duplicateOf()));
    }

    void uploadVersion(Context ctx) throws IOException {
        String id = ctx.pathParam("id");
        assets.get(id);
        IngestResult r = ingest.addVersion(id, multipart.read(ctx));
        ctx.status(201).json(AssetView.of(r.asset(), false, null));
    }

    void list(Context ctx) {
        Page<Asset> page;
        try {
            page = assets.list(Paging.limit(ctx), ctx.queryParam("cursor"));
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("invalid cursor");
        }
        ctx.json(new ListResponse(page.items().stream().map(a -> AssetView.of(a, false, null, enrichment.view(a.id(), ctx))).toList(),
                page.nextCursor()));
    }

    void get(Context ctx) {
        Asset a = assets.get(ctx.pathParam("id"));
        ctx.json(AssetView.of(a, true, null, enrichment.view(a.id(), ctx)));
    }

    void update(Context ctx) {
        Asset a = assets.update(ctx.pathParam("id"), MetadataJson.parsePatch(json, ctx.body()));
        ctx.json(AssetView.of(a, true, null, enrichment.view(a.id(), ctx)));
    }

    void delete(Context ctx) {
        assets.delete(ctx.pathParam("id"));
        ctx.status(204);
    }

    void restore(Context ctx) {
        ctx.json(AssetView.of(assets.restore(ctx.pathParam("id")), false, null));
    }

    void versions(Context ctx) {
        Asset a = assets.get(ctx.pathParam("id"));
        ctx.json(new VersionsResponse(assets.versions(a.id()).stream().map(v -> AssetView.version(v, a.version())).toList()));
    }

    void original(Context ctx) throws IOException {
        Asset a = assets.get(ctx.pathParam("id"));
        if (a.status() == io.vitrine.asset.AssetStatus.QUARANTINED) {
            throw new ApiException(403, "quarantined", "Quarantined", "asset " + a.id() + " is quarantined: " + a.statusReason());
        }
        blobs.send(ctx, new BlobResponder.Delivery(a.sha256(), a.mediaType(), a.filename(), true));
    }

    void rendition(Context ctx) throws IOException {
        Asset a = assets.get(ctx.pathParam("id"));
        String name = ctx.pathParam("name");
        Rendition r = a.renditions().stream().filter(x -> x.name().equals(name)).findFirst()
                .orElseThrow(() -> new ApiException(404, "no-rendition", "Not found",
                        "asset " + a.id() + " has no rendition '" + abbreviate(name) + "'" + available(a)));
        blobs.send(ctx, new BlobResponder.Delivery(r.sha256(), r.mediaType(), baseName(a.filename()) + "-" + r.name() + extension(r.mediaType()), false));
    }

    private static String available(Asset a) {
        if (a.renditions().isEmpty()) {
            return a.status() == io.vitrine.asset.AssetStatus.PROCESSING ? " yet (still processing)" : "";
        }
        return "; available: " + String.join(", ", a.renditions().stream().map(Rendition::name).toList());
    }

    private static String baseName(String filename) {
        int dot = filename.lastIndexOf('.');
        return dot > 0 ? filename.substring(0, dot) : filename;
    }

    private static String extension(String mediaType) {
        return switch (mediaType) {
            case "image/jpeg" -> ".jpg";
            case "image/webp" -> ".webp";
            case "image/png" -> ".png";
            case "video/mp4" -> ".mp4";
            default -> "";
        };
    }

    private static String abbreviate(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }

    record ListResponse(List<AssetView> items, String nextCursor) {}

    record VersionsResponse(List<AssetView.VersionView> versions) {}

}
