package io.vitrine.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import io.javalin.json.JavalinJackson;
import io.vitrine.asset.AssetService;
import io.vitrine.auth.AuthService;
import io.vitrine.auth.Permission;
import io.vitrine.auth.Principal;
import io.vitrine.enrich.Capabilities;
import io.vitrine.enrich.EnrichmentService;
import io.vitrine.ingest.IngestService;
import io.vitrine.rights.InvalidSignatureException;
import io.vitrine.rights.NotLicensedException;
import io.vitrine.search.SearchService;
import io.vitrine.storage.BlobStore;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The HTTP server: explicit routes, bearer auth on everything under /api/v1, the permission each
 * route needs (403 naming it), audit events for changes and deliveries, problems for every error.
 */
public final class HttpApi implements AutoCloseable {
    static final String PRINCIPAL = "vitrine.principal";

    private final Javalin app;
    private final List<String> routes = new ArrayList<>();
    private final Map<String, Permission> permissions = new java.util.HashMap<>();

    private final AuditTrail audit;
    private final Access access;
    private final AssetService assetService;
    private final ObjectMapper json;
    private final io.vitrine.enrich.Thresholds tagThresholds;

    /** What the enrichment routes need. */
    public record Enrichment(EnrichmentService service, Capabilities capabilities,
            java.util.Optional<io.vitrine.embed.EmbeddingService> embeddings, io.vitrine.enrich.TaggerSource tagger,
            io.vitrine.risk.RiskService risks) {}

    public HttpApi(AssetService assets, IngestService ingest, SearchService search, AuthService auth, BlobStore blobs,
            ObjectMapper json, Governance governance, Enrichment enrichment, io.vitrine.analytics.SearchLog searchLog) {
        this.app = Javalin.create(cfg -> {
            cfg.showJavalinBanner = false;
            cfg.jsonMapper(new JavalinJackson(json, false));
            cfg.useVirtualThreads = true;
            cfg.http.maxRequestSize = 1024 * 1024;
        });
        ProblemMapping.install(app);
        this.assetService = assets;
        this.json = json;
        this.tagThresholds = enrichment.service().thresholds();
        app.before("/api/v1/*", ctx -> authenticate(ctx, auth));
        this.audit = new AuditTrail(governance.audit());
        Deliverer deliverer = new Deliverer(governance.licences(), new BlobResponder(blobs), governance.approvals().workflow());
        this.access = new Access(assets, governance.approvals().workflow()::released,
                governance.sharing().collections()::collectionsOf, p -> governance.sharing().collections().caller(p).id());
        EnrichmentRoutes enrich = new EnrichmentRoutes(enrichment.service(), enrichment.risks(), enrichment.capabilities(), access, json);
        routes(new AssetRoutes(assets, ingest, new MultipartReader(ingest, json), deliverer, governance.licences(), json, enrich::view,
                governance.approvals().workflow(), access), new SearchRoutes(search, searchLog));
        AnalyticsRoutes analytics = new AnalyticsRoutes(searchLog, json, java.time.Clock.systemUTC());
        route(HandlerType.POST, "/api/v1/search/clicks", Permission.ASSET_READ, analytics::click);
        route(HandlerType.GET, "/api/v1/analytics/searches", Permission.ANALYTICS_READ, analytics::searches);
        lifecycleRoutes(new LifecycleRoutes(governance.lifecycle(), access, json));
        LicenceDocumentRoutes docs = new LicenceDocumentRoutes(governance.licences(), new MultipartReader(ingest, json), ingest, blobs);
        route(HandlerType.POST, "/api/v1/licences/{id}/documents", Permission.LICENCE_MANAGE, docs::add);
        route(HandlerType.GET, "/api/v1/licences/{id}/documents/{documentId}", Permission.LICENCE_READ, docs::get);
        governanceRoutes(new RightsRoutes(assets, governance, deliverer, json, access), new AdminRoutes(governance, json),
                new UserRoutes(governance, json));
        groupRoutes(new GroupRoutes(governance.groups(), json));
        route(HandlerType.GET, "/api/v1/capabilities", Permission.ASSET_READ, enrich::capabilities);
        route(HandlerType.PATCH, "/api/v1/assets/{id}/tags/{concept}", Permission.METADATA_EDIT, enrich::decide);
        TagEditRoutes tags = new TagEditRoutes(enrichment.service(), access, json);
        route(HandlerType.PUT, "/api/v1/assets/{id}/tags/{concept}", Permission.METADATA_EDIT, tags::add);
        route(HandlerType.DELETE, "/api/v1/assets/{id}/tags/{concept}", Permission.METADATA_EDIT, tags::remove);
        route(HandlerType.POST, "/api/v1/tags/bulk", Permission.METADATA_EDIT, tags::bulk);
        route(HandlerType.PATCH, "/api/v1/assets/{id}/faces/{number}", Permission.METADATA_EDIT, enrich::decideFace);
        // risk flags decide the review tier: deciding them is a review act, not a metadata edit
        route(HandlerType.PATCH, "/api/v1/assets/{id}/risks/{flag}", Permission.WORKFLOW_REVIEW, enrich::decideRisk);
        route(HandlerType.GET, "/api/v1/risk-flags", Permission.ASSET_READ, enrich::riskFlags);
        SimilarityRoutes similar = new SimilarityRoutes(search, enrichment.embeddings().orElse(null), enrichment.tagger(),
                new MultipartReader(ingest, json), access);
        route(HandlerType.GET, "/api/v1/assets/{id}/similar", Permission.ASSET_READ, similar::similar);
        route(HandlerType.POST, "/api/v1/search/by-image", Permission.ASSET_READ, similar::byImage);
        collectionRoutes(new CollectionRoutes(governance.sharing().collections(), governance.sharing().links(), access, json));
        workflowRoutes(new WorkflowRoutes(governance.approvals(), access, json, java.time.Clock.systemUTC()));
    }

    private void collectionRoutes(CollectionRoutes c) {
        route(HandlerType.POST, "/api/v1/collections", Permission.COLLECTION_EDIT, c::create);
        route(HandlerType.GET, "/api/v1/collections", Permission.COLLECTION_READ, c::list);
        route(HandlerType.GET, "/api/v1/collections/{id}", Permission.COLLECTION_READ, c::get);
        route(HandlerType.PATCH, "/api/v1/collections/{id}", Permission.COLLECTION_EDIT, c::update);
        route(HandlerType.DELETE, "/api/v1/collections/{id}", Permission.COLLECTION_EDIT, c::delete);
        route(HandlerType.POST, "/api/v1/collections/{id}/assets", Permission.COLLECTION_EDIT, c::addAssets);
        route(HandlerType.DELETE, "/api/v1/collections/{id}/assets/{assetId}", Permission.COLLECTION_EDIT, c::removeAsset);
        route(HandlerType.PUT, "/api/v1/collections/{id}/members/{userId}", Permission.COLLECTION_EDIT, c::share);
        route(HandlerType.DELETE, "/api/v1/collections/{id}/members/{userId}", Permission.COLLECTION_EDIT, c::unshare);
        route(HandlerType.POST, "/api/v1/collections/{id}/share-links", Permission.SHARE_LINK_CREATE, c::createLink);
        route(HandlerType.GET, "/api/v1/collections/{id}/share-links", Permission.COLLECTION_EDIT, c::listLinks);
        route(HandlerType.DELETE, "/api/v1/share-links/{id}", Permission.SHARE_LINK_CREATE, c::revokeLink);
    }

    private void workflowRoutes(WorkflowRoutes w) {
        route(HandlerType.POST, "/api/v1/assets/{id}/transitions", Permission.WORKFLOW_READ, w::transition);
        route(HandlerType.GET, "/api/v1/assets/{id}/workflow", Permission.WORKFLOW_READ, w::get);
        route(HandlerType.PATCH, "/api/v1/assets/{id}/workflow", Permission.METADATA_EDIT, w::setInputs);
        route(HandlerType.POST, "/api/v1/assets/{id}/comments", Permission.WORKFLOW_COMMENT, w::comment);
        route(HandlerType.GET, "/api/v1/tasks", Permission.WORKFLOW_READ, w::tasks);
        route(HandlerType.GET, "/api/v1/workflow/rules", Permission.WORKFLOW_READ, w::rules);
        route(HandlerType.POST, "/api/v1/workflow/reminders/run", Permission.LIFECYCLE_RUN, w::runReminders);
    }

    private void routes(AssetRoutes assets, SearchRoutes search) {
        route(HandlerType.GET, "/health", null, ctx -> ctx.json(Map.of("status", "UP")));
        route(HandlerType.GET, "/openapi.yaml", null, HttpApi::openApi);
        route(HandlerType.POST, "/api/v1/assets", Permission.ASSET_UPLOAD, assets::upload);
        route(HandlerType.GET, "/api/v1/assets", Permission.ASSET_READ, assets::list);
        route(HandlerType.GET, "/api/v1/assets/{id}", Permission.ASSET_READ, assets::get);
        route(HandlerType.PATCH, "/api/v1/assets/{id}", Permission.METADATA_EDIT, assets::update);
        route(HandlerType.DELETE, "/api/v1/assets/{id}", Permission.ASSET_DELETE, assets::delete);
        route(HandlerType.GET, "/api/v1/assets/{id}/original", Permission.ORIGINAL_DOWNLOAD, assets::original);
        route(HandlerType.GET, "/api/v1/assets/{id}/renditions/{name}", Permission.RENDITION_DOWNLOAD, assets::rendition);
        route(HandlerType.POST, "/api/v1/assets/{id}/restore", Permission.ASSET_DELETE, assets::restore);
        route(HandlerType.GET, "/api/v1/assets/{id}/versions", Permission.ASSET_READ, assets::versions);
        route(HandlerType.POST, "/api/v1/assets/{id}/versions", Permission.ASSET_UPLOAD, assets::uploadVersion);
        route(HandlerType.POST, "/api/v1/assets/{id}/licences", Permission.LICENCE_MANAGE, assets::attachLicence);
        route(HandlerType.DELETE, "/api/v1/assets/{id}/licences/{licenceId}", Permission.LICENCE_MANAGE, assets::detachLicence);
        route(HandlerType.GET, "/api/v1/search", Permission.ASSET_READ, search::search);
    }

    private void lifecycleRoutes(LifecycleRoutes life) {
        route(HandlerType.GET, "/api/v1/lifecycle/rules", Permission.LICENCE_READ, life::rules);
        route(HandlerType.PUT, "/api/v1/lifecycle/rules", Permission.LIFECYCLE_RUN, life::replaceRules);
        route(HandlerType.PUT, "/api/v1/lifecycle/guideline", Permission.LIFECYCLE_RUN, life::setGuideline);
        route(HandlerType.GET, "/api/v1/lifecycle/warnings", Permission.LICENCE_READ, life::warnings);
        route(HandlerType.GET, "/api/v1/assets/{id}/lifecycle", Permission.ASSET_READ, life::facts);
        route(HandlerType.PATCH, "/api/v1/assets/{id}/lifecycle", Permission.METADATA_EDIT, life::updateFacts);
    }

    private void groupRoutes(GroupRoutes g) {
        route(HandlerType.POST, "/api/v1/groups", Permission.USER_MANAGE, g::create);
        route(HandlerType.GET, "/api/v1/groups", Permission.USER_MANAGE, g::list);
        route(HandlerType.GET, "/api/v1/groups/{id}", Permission.USER_MANAGE, g::get);
        route(HandlerType.PATCH, "/api/v1/groups/{id}", Permission.USER_MANAGE, g::update);
        route(HandlerType.DELETE, "/api/v1/groups/{id}", Permission.USER_MANAGE, g::delete);
        route(HandlerType.PUT, "/api/v1/groups/{id}/members/{userId}", Permission.USER_MANAGE, g::addMember);
        route(HandlerType.DELETE, "/api/v1/groups/{id}/members/{userId}", Permission.USER_MANAGE, g::removeMember);
        route(HandlerType.PATCH, "/api/v1/users/{id}", Permission.USER_MANAGE, g::updateUser);
    }

    private void governanceRoutes(RightsRoutes rights, AdminRoutes admin, UserRoutes users) {
        route(HandlerType.POST, "/api/v1/licences", Permission.LICENCE_MANAGE, rights::createLicence);
        route(HandlerType.GET, "/api/v1/licences/{id}", Permission.LICENCE_READ, rights::getLicence);
        route(HandlerType.POST, "/api/v1/assets/{id}/delivery-urls", Permission.DELIVERY_URL_CREATE, rights::createDeliveryUrl);
        route(HandlerType.GET, "/delivery/{id}/{name}", null, rights::deliver);
        route(HandlerType.POST, "/api/v1/lifecycle/run", Permission.LIFECYCLE_RUN, rights::runLifecycle);
        route(HandlerType.POST, "/api/v1/users", Permission.USER_MANAGE, admin::createUser);
        route(HandlerType.GET, "/api/v1/users", Permission.USER_MANAGE, users::list);
        route(HandlerType.GET, "/api/v1/users/{id}", Permission.USER_MANAGE, users::get);
        route(HandlerType.POST, "/api/v1/users/{id}/revoke", Permission.USER_MANAGE, users::revoke);
        route(HandlerType.POST, "/api/v1/users/{id}/tokens", Permission.USER_MANAGE, users::issueToken);
        route(HandlerType.GET, "/api/v1/audit", Permission.AUDIT_READ, admin::export);
        route(HandlerType.GET, "/api/v1/audit/verify", Permission.AUDIT_READ, admin::verify);
    }

    /** {@code permission} null: a public route (health, contract, signed links that carry their own proof). */
    private void route(HandlerType method, String path, Permission permission, Handler handler) {
        String key = method.name() + " " + path;
        app.addHttpHandler(method, path, ctx -> {
            if (permission != null) {
                Access.require(ctx, permission);
            }
            try {
                handler.handle(ctx);
            } catch (NotLicensedException | InvalidSignatureException | io.vitrine.workflow.NotReleasedException e) {
                audit.record(ctx, key, "denied");
                throw e;
            }
            audit.record(ctx, key, null);
        });
        routes.add(key);
        permissions.put(key, permission);
    }

    /** The permission each route demands (absent for public routes), for the access-matrix test. */
    public Map<String, Permission> permissions() {
        Map<String, Permission> out = new java.util.TreeMap<>();
        permissions.forEach((k, v) -> {
            if (v != null) {
                out.put(k, v);
            }
        });
        return out;
    }

    /** Every registered route as "METHOD /path/{param}", so tests can hold the OpenAPI file to it. */
    public List<String> routes() {
        return List.copyOf(routes);
    }

    private static void authenticate(Context ctx, AuthService auth) {
        String header = ctx.header("Authorization");
        String token = header != null && header.regionMatches(true, 0, "Bearer ", 0, 7) ? header.substring(7).strip() : null;
        Optional<Principal> principal = auth.authenticate(token);
        if (principal.isEmpty()) {
            throw new ApiException(401, "unauthorized", "Unauthorized", token == null
                    ? "send a token as 'Authorization: Bearer <token>'"
                    : "the bearer token is not valid (unknown, revoked or expired)");
        }
        ctx.attribute(PRINCIPAL, principal.get());
    }

    private static void openApi(Context ctx) throws IOException {
        try (InputStream in = HttpApi.class.getResourceAsStream("/openapi.yaml")) {
            ctx.contentType("application/yaml").result(in.readAllBytes());
        }
    }

    /**
     * Registers {@code POST /api/v1/admin/reindex}: rebuilds the search index aside and swaps it
     * in while searches go on; 409 when a rebuild is already running. (The composition root passes
     * the rebuild, so the API never sees the indexing service.)
     */
    public HttpApi reindex(java.util.function.LongSupplier rebuild) {
        route(HandlerType.POST, "/api/v1/admin/reindex", Permission.INDEX_REBUILD, ctx -> {
            long started = System.nanoTime();
            long indexed;
            try {
                indexed = rebuild.getAsLong();
            } catch (IllegalStateException e) {
                throw new ApiException(409, "rebuild-running", "Conflict", e.getMessage());
            }
            ctx.json(Map.of("indexed", indexed, "millis", (System.nanoTime() - started) / 1_000_000));
        });
        return this;
    }

    /**
     * Lets another module (the web UI) add its routes to the same server. They are not recorded in
     * {@link #routes()}: that list is the API contract that openapi.yaml must match.
     */
    /** Registers the near-duplicate routes (pairs of an asset, review list, decisions, library scan). */
    public HttpApi withDuplicates(io.vitrine.duplicate.DuplicateService duplicates) {
        DuplicateRoutes d = new DuplicateRoutes(duplicates, access, json);
        route(HandlerType.GET, "/api/v1/assets/{id}/duplicates", Permission.ASSET_READ, d::ofAsset);
        route(HandlerType.GET, "/api/v1/duplicates", Permission.ASSET_READ, d::review);
        route(HandlerType.PATCH, "/api/v1/duplicates/{a}/{b}", Permission.METADATA_EDIT, d::decide);
        route(HandlerType.POST, "/api/v1/duplicates/scan", Permission.DUPLICATES_SCAN, d::scan);
        return this;
    }

    /** Registers the vocabulary routes: everyone reads concepts, librarians and admins grow them and teach them from examples. */
    public HttpApi withConcepts(io.vitrine.concept.ConceptService concepts, io.vitrine.concept.FewShot fewShot) {
        ConceptRoutes c = new ConceptRoutes(concepts, fewShot, tagThresholds, access, json);
        route(HandlerType.GET, "/api/v1/concepts", Permission.ASSET_READ, c::list);
        route(HandlerType.POST, "/api/v1/concepts", Permission.CONCEPT_MANAGE, c::create);
        route(HandlerType.GET, "/api/v1/concepts/{id}", Permission.ASSET_READ, c::get);
        route(HandlerType.PATCH, "/api/v1/concepts/{id}", Permission.CONCEPT_MANAGE, c::update);
        route(HandlerType.DELETE, "/api/v1/concepts/{id}", Permission.CONCEPT_MANAGE, c::delete);
        route(HandlerType.POST, "/api/v1/concepts/{id}/examples", Permission.CONCEPT_MANAGE, c::teach);
        return this;
    }

    /** Registers the caller's notification inbox (licence expiry warnings to owners, …). */
    public HttpApi withNotificationInbox(io.vitrine.notification.NotificationService inbox) {
        NotificationRoutes n = new NotificationRoutes(inbox, access);
        route(HandlerType.GET, "/api/v1/notifications", Permission.ASSET_READ, n::list);
        route(HandlerType.POST, "/api/v1/notifications/{id}/read", Permission.ASSET_READ, n::markRead);
        route(HandlerType.POST, "/api/v1/notifications/read-all", Permission.ASSET_READ, n::markAllRead);
        return this;
    }

    public HttpApi extend(Consumer<Javalin> extension) {
        extension.accept(app);
        return this;
    }

    /** What the notification routes need: webhook subscriptions and the live event stream (shared with the web UI). */
    public record Notifications(io.vitrine.webhooks.WebhookService webhooks, EventStream events) {}

    /** Adds the webhook and event-stream routes (kept out of the constructor so features can be wired one by one). */
    public HttpApi notifications(Notifications n, ObjectMapper json) {
        WebhookRoutes hooks = new WebhookRoutes(n.webhooks(), json);
        route(HandlerType.POST, "/api/v1/webhooks", Permission.WEBHOOK_MANAGE, hooks::create);
        route(HandlerType.GET, "/api/v1/webhooks", Permission.WEBHOOK_MANAGE, hooks::list);
        route(HandlerType.GET, "/api/v1/webhooks/{id}", Permission.WEBHOOK_MANAGE, hooks::get);
        route(HandlerType.DELETE, "/api/v1/webhooks/{id}", Permission.WEBHOOK_MANAGE, hooks::delete);
        route(HandlerType.GET, "/api/v1/webhooks/{id}/deliveries", Permission.WEBHOOK_MANAGE, hooks::deliveries);
        route(HandlerType.POST, "/api/v1/webhooks/{id}/deliveries/{deliveryId}/replay", Permission.WEBHOOK_MANAGE, hooks::replay);
        route(HandlerType.GET, "/api/v1/events", Permission.EVENTS_READ, new EventStreamRoutes(n.events(), json)::stream);
        return this;
    }

    public HttpApi start(int port) {
        app.start("0.0.0.0", port);
        return this;
    }

    public int port() {
        return app.port();
    }

    @Override
    public void close() {
        app.stop();
    }
}
