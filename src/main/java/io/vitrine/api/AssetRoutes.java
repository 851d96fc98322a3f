package io.vitrine.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import io.vitrine.asset.Asset;
import io.vitrine.asset.AssetService;
import io.vitrine.asset.Page;
import io.vitrine.ingest.IngestResult;
import io.vitrine.ingest.IngestService;
import io.vitrine.ingest.Upload;
import io.vitrine.rights.LicenceService;
import java.io.IOException;
import java.util.List;

/** The asset routes: each parses, checks the caller may see the asset, calls a service, maps the result. */
final class AssetRoutes {
    private final AssetService assets;
    private final IngestService ingest;
    private final MultipartReader multipart;
    private final Deliverer deliverer;
    private final LicenceService licences;
    private final Access access;
    private final ObjectMapper json;
    private final EnrichmentLookup enrichment;
    private final io.vitrine.workflow.WorkflowService workflow;

    /** The enrichment of an asset as the caller should see it (language from the request). */
    @FunctionalInterface
    interface EnrichmentLookup {
        EnrichmentView view(String assetId, Context ctx);
    }

    AssetRoutes(AssetService assets, IngestService ingest, MultipartReader multipart, Deliverer deliverer,
            LicenceService licences, ObjectMapper json, EnrichmentLookup enrichment, io.vitrine.workflow.WorkflowService workflow,
            Access access) {
        this.assets = assets;
        this.ingest = ingest;
        this.multipart = multipart;
        this.deliverer = deliverer;
        this.licences = licences;
        this.access = access;
        this.json = json;
        this.enrichment = enrichment;
        this.workflow = workflow;
    }

    void upload(Context ctx) throws IOException {
        Upload upload = multipart.read(ctx).withOwner(access.person(ctx));
        IngestResult r = ingest.ingest(upload);
        ctx.status(r.outcome() == IngestResult.Outcome.DUPLICATE ? 200 : 201);
        if (r.outcome() != IngestResult.Outcome.DUPLICATE) {
            ctx.header("Location", "/api/v1/assets/" + r.asset().id());
        }
        AuditTrail.target(ctx, r.asset().id());
        ctx.json(view(ctx, r.asset(), r.duplicateOf()));
    }

    void uploadVersion(Context ctx) throws IOException {
        String id = access.visible(ctx, ctx.pathParam("id")).id();
        IngestResult r = ingest.addVersion(id, multipart.read(ctx));
        ctx.status(201).json(AssetView.of(r.asset(), false, null));
    }

    void list(Context ctx) {
        Page<Asset> page;
        try {
            page = assets.list(Paging.limit(ctx), ctx.queryParam("cursor"), Access.principal(ctx).visibleRegions(),
                    Access.principal(ctx).visibleCollections());
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("invalid cursor");
        }
        var states = workflow.current(page.items().stream().map(Asset::id).toList());
        // partners outside the company see released assets only; the page may come out shorter, the cursor stays right
        boolean outsider = Access.principal(ctx).outsider();
        ctx.json(new ListResponse(page.items().stream().filter(a -> !outsider || workflow.released(a))
                .map(a -> AssetView.of(a, false, null, enrichment.view(a.id(), ctx))
                .withWorkflow(WorkflowJson.summary(a, states.get(a.id())))).toList(), page.nextCursor()));
    }

    void get(Context ctx) {
        ctx.json(detail(access.visible(ctx, ctx.pathParam("id")), ctx));
    }

    void update(Context ctx) {
        String id = access.visible(ctx, ctx.pathParam("id")).id();
        AssetPatch patch = AssetPatch.parse(json, ctx.body());
        patch.regions().ifPresent(r -> Access.require(ctx, io.vitrine.auth.Permission.ASSET_RESTRICT));
        AuditTrail.detail(ctx, "fields", String.join(",", patch.fields()));
        if (patch.metadata() != null) {
            assets.update(id, patch.metadata());
        }
        patch.regions().ifPresent(r -> assets.updateRegions(id, r));
        ctx.json(detail(assets.get(id), ctx));
    }

    void delete(Context ctx) {
        assets.delete(access.visible(ctx, ctx.pathParam("id")).id());
        ctx.status(204);
    }

    void restore(Context ctx) {
        access.checkVisibleIncludingDeleted(ctx, ctx.pathParam("id"));
        ctx.json(AssetView.of(assets.restore(ctx.pathParam("id")), false, null));
    }

    void versions(Context ctx) {
        Asset a = access.visible(ctx, ctx.pathParam("id"));
        ctx.json(new VersionsResponse(assets.versions(a.id()).stream().map(v -> AssetView.version(v, a.version())).toList()));
    }

    void original(Context ctx) throws IOException {
        Asset a = access.visible(ctx, ctx.pathParam("id"));
        deliverer.send(ctx, a, Deliverer.ORIGINAL, Deliverer.use(ctx.queryParam("channel"), ctx.queryParam("region")));
    }

    void rendition(Context ctx) throws IOException {
        Asset a = access.visible(ctx, ctx.pathParam("id"));
        deliverer.send(ctx, a, ctx.pathParam("name"), Deliverer.use(ctx.queryParam("channel"), ctx.queryParam("region")));
    }

    void attachLicence(Context ctx) {
        Asset a = access.visible(ctx, ctx.pathParam("id"));
        String licenceId = LicenceJson.licenceId(json, ctx.body());
        licences.attach(a.id(), licenceId);
        AuditTrail.detail(ctx, "licenceId", licenceId);
        ctx.json(detail(assets.get(a.id()), ctx));
    }

    void detachLicence(Context ctx) {
        Asset a = access.visible(ctx, ctx.pathParam("id"));
        String licenceId = ctx.pathParam("licenceId");
        licences.detach(a.id(), licenceId);
        AuditTrail.detail(ctx, "licenceId", licenceId);
        ctx.status(204);
    }

    /** A duplicate may be an asset the uploader cannot see: then only its id's existence is not revealed. */
    private AssetView view(Context ctx, Asset a, String duplicateOf) {
        if (duplicateOf != null && !access.sees(Access.principal(ctx), a)) {
            throw new ApiException(409, "duplicate-hidden", "Duplicate",
                    "this file is already in Vitrine in a market you cannot see; ask a librarian");
        }
        return AssetView.of(a, false, duplicateOf).withWorkflow(WorkflowJson.summary(a, workflow.current(a.id())));
    }

    private AssetView detail(Asset a, Context ctx) {
        EnrichmentView e = enrichment.view(a.id(), ctx);
        return AssetView.of(a, true, null, e).withLicences(licences.forAsset(a.id()).stream().map(LicenceJson::view).toList(), e.people())
                .withWorkflow(WorkflowJson.summary(a, workflow.current(a.id())));
    }

    record ListResponse(List<AssetView> items, String nextCursor) {}

    record VersionsResponse(List<AssetView.VersionView> versions) {}
}
