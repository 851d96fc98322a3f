package io.vitrine.web;

import io.javalin.Javalin;
import io.javalin.http.HandlerType;
import io.vitrine.api.BlobResponder;
import io.vitrine.asset.AssetService;
import io.vitrine.audit.AuditService;
import io.vitrine.auth.Permission;
import io.vitrine.rights.LicenceService;
import io.vitrine.ingest.IngestService;
import io.vitrine.search.SearchService;
import io.vitrine.storage.BlobStore;

/**
 * The browser UI at {@code /}: server-rendered pages that call the services directly. Registered on
 * the API's server through {@code HttpApi.extend}, so these routes stay out of the API contract.
 */
public final class WebUi {
    private final Pages pages = new Pages();
    private final Guard guard;
    private final LoginRoutes login;
    private final LibraryRoutes library;
    private final AssetPageRoutes asset;
    private final UploadRoutes upload;
    private final ShareRoutes share;
    private final CollectionWebRoutes collections;
    private final WebAccess access;
    private final AssetService assets;
    private ReviewRoutes review;
    private RelatedRoutes related;
    private LiveRoutes live;
    private final Sessions sessions;
    private final WorkflowCardRoutes workflowCard;
    private final SearchService searchService;
    private final io.vitrine.enrich.EnrichmentService enrichment;
    private final StaticFiles files = new StaticFiles();
    private final OidcRoutes oidc;
    private io.vitrine.risk.RiskService risks;
    private ConceptWebRoutes concepts;
    private TeachRoutes teach;
    private NotificationWebRoutes inbox;
    private GroupWebRoutes groups;
    private final java.util.function.Function<io.vitrine.auth.Principal, java.util.List<io.vitrine.collection.Collection>> collectionList;

    public WebUi(AssetService assets, IngestService ingest, SearchService search, BlobStore blobs, Sessions sessions,
            LicenceService licences, AuditService audit, io.vitrine.enrich.EnrichmentService enrichment,
            io.vitrine.analytics.SearchLog searchLog, io.vitrine.collection.CollectionService collections,
            io.vitrine.collection.ShareLinkService shareLinks, io.vitrine.workflow.WorkflowService workflow,
            ExternalSignIn external) {
        WebAccess access = new WebAccess(assets, licences, audit, workflow, collections::collectionsOf,
                p -> collections.caller(p).id());
        this.workflowCard = new WorkflowCardRoutes(workflow, access, pages);
        this.access = access;
        this.assets = assets;
        this.searchService = search;
        this.enrichment = enrichment;
        this.guard = new Guard(sessions, pages);
        this.sessions = sessions;
        this.login = new LoginRoutes(sessions, guard, pages, external);
        this.oidc = external == null ? null
                : new OidcRoutes(external, sessions, guard, pages, audit, java.time.Clock.systemUTC());
        this.library = new LibraryRoutes(search, assets, searchLog, pages);
        this.asset = new AssetPageRoutes(assets, enrichment, access, new BlobResponder(blobs), pages);
        this.upload = new UploadRoutes(ingest, access, pages);
        this.share = new ShareRoutes(shareLinks, assets, licences, audit, new BlobResponder(blobs), pages, workflow);
        this.collections = new CollectionWebRoutes(collections, shareLinks, assets, access, pages, java.time.Clock.systemUTC());
        this.collectionList = p -> collections.list(collections.caller(p));
    }

    /** Adds the review page (approval tasks and possible duplicates); call before {@link #register}. */
    public WebUi withReview(io.vitrine.workflow.Approvals approvals, io.vitrine.duplicate.DuplicateService duplicates) {
        this.review = new ReviewRoutes(approvals.queue(), approvals.workflow(), duplicates, assets, enrichment, access, pages,
                java.time.Clock.systemUTC());
        return this;
    }

    /** Adds the asset page's duplicates-and-similar card; call before {@link #register}. */
    public WebUi withRelated(io.vitrine.duplicate.DuplicateService duplicates, java.util.Optional<io.vitrine.embed.EmbeddingService> embeddings) {
        this.related = new RelatedRoutes(duplicates, embeddings, searchService, assets, access, pages);
        return this;
    }

    /** Adds the asset page's risk flags and the reviewer's accept / reject on them; call before {@link #register}. */
    public WebUi withRisks(io.vitrine.risk.RiskService risks) {
        this.risks = risks;
        asset.useRisks(risks);
        return this;
    }

    /** Adds the vocabulary pages and teaching a concept from the library's selection; call before {@link #register}. */
    public WebUi withConcepts(io.vitrine.concept.ConceptService vocabulary, io.vitrine.concept.FewShot fewShot) {
        this.concepts = new ConceptWebRoutes(vocabulary, fewShot, access, pages);
        this.teach = new TeachRoutes(vocabulary, fewShot, access, pages);
        return this;
    }

    /** Adds the notification inbox and the header's bell; call before {@link #register}. */
    public WebUi withNotifications(io.vitrine.notification.NotificationService notifications) {
        this.inbox = new NotificationWebRoutes(notifications, access, pages);
        return this;
    }

    /** Adds the administrator's group pages under {@code /admin/groups}; call before {@link #register}. */
    public WebUi withGroups(io.vitrine.auth.GroupService groupService, io.vitrine.auth.UserService users) {
        this.groups = new GroupWebRoutes(groupService, users, access, pages, collectionList);
        return this;
    }

    /** Adds live updates (the session's event stream and the grid cards it refreshes); call before {@link #register}. */
    public WebUi withLiveUpdates(io.vitrine.api.EventStream stream) {
        this.live = new LiveRoutes(stream, guard, sessions, access, pages);
        return this;
    }

    public void register(Javalin app) {
        app.addHttpHandler(HandlerType.GET, "/", pages.safely(ctx -> {
            if (guard.signedIn(ctx).isEmpty()) {
                pages.render(ctx, "login", login.page(null));
            } else {
                guard.page(Permission.ASSET_READ, library::library).handle(ctx);
            }
        }));
        app.addHttpHandler(HandlerType.GET, "/login", pages.safely(login::form));
        app.addHttpHandler(HandlerType.POST, "/login", pages.safely(login::signIn));
        app.addHttpHandler(HandlerType.POST, "/logout", guard.action(login::signOut));
        if (oidc != null) {
            app.addHttpHandler(HandlerType.GET, "/login/oidc", pages.safely(oidc::start));
            app.addHttpHandler(HandlerType.GET, "/login/oidc/callback", pages.safely(oidc::callback));
        }
        app.addHttpHandler(HandlerType.GET, "/facets", guard.page(Permission.ASSET_READ, library::sidebar));
        app.addHttpHandler(HandlerType.POST, "/search/clicks", guard.action(Permission.ASSET_READ, library::click));
        app.addHttpHandler(HandlerType.GET, "/upload", guard.page(Permission.ASSET_UPLOAD, upload::page));
        app.addHttpHandler(HandlerType.POST, "/upload", guard.action(Permission.ASSET_UPLOAD, upload::upload));
        app.addHttpHandler(HandlerType.GET, "/assets/{id}", guard.page(Permission.ASSET_READ, asset::detail));
        app.addHttpHandler(HandlerType.POST, "/assets/{id}/metadata", guard.action(Permission.METADATA_EDIT, asset::save));
        app.addHttpHandler(HandlerType.POST, "/assets/{id}/tags/{concept}", guard.action(Permission.METADATA_EDIT, asset::decideTag));
        app.addHttpHandler(HandlerType.POST, "/assets/{id}/faces/{number}", guard.action(Permission.METADATA_EDIT, asset::decideFace));
        if (risks != null) {
            app.addHttpHandler(HandlerType.POST, "/assets/{id}/risks/{flag}", guard.action(Permission.WORKFLOW_REVIEW, asset::decideRisk));
        }
        app.addHttpHandler(HandlerType.POST, "/assets/{id}/delete", guard.action(Permission.ASSET_DELETE, asset::delete));
        app.addHttpHandler(HandlerType.GET, "/assets/{id}/original", guard.page(Permission.ORIGINAL_DOWNLOAD, asset::original));
        app.addHttpHandler(HandlerType.GET, "/assets/{id}/renditions/{name}", guard.page(Permission.RENDITION_DOWNLOAD, asset::rendition));
        app.addHttpHandler(HandlerType.GET, "/ui/{file}", files::serve);
        app.addHttpHandler(HandlerType.GET, "/assets/{id}/workflow", guard.page(Permission.WORKFLOW_READ, workflowCard::card));
        app.addHttpHandler(HandlerType.POST, "/assets/{id}/transitions", guard.action(Permission.WORKFLOW_READ, workflowCard::move));
        if (related != null) {
            app.addHttpHandler(HandlerType.GET, "/assets/{id}/related", guard.page(Permission.ASSET_READ, related::card));
        }
        if (review != null) {
            app.addHttpHandler(HandlerType.GET, "/review", guard.page(Permission.ASSET_READ, review::page));
            app.addHttpHandler(HandlerType.POST, "/review/tasks/{id}", guard.action(Permission.WORKFLOW_REVIEW, review::decideTask));
            app.addHttpHandler(HandlerType.POST, "/review/duplicates/{a}/{b}", guard.action(Permission.METADATA_EDIT, review::decidePair));
        }
        if (live != null) {
            app.addHttpHandler(HandlerType.GET, "/events", live::events);
            app.addHttpHandler(HandlerType.GET, "/tiles", guard.page(Permission.ASSET_READ, live::tiles));
        }
        if (concepts != null) {
            registerConcepts(app);
        }
        if (groups != null) {
            registerGroups(app);
        }
        if (inbox != null) {
            app.addHttpHandler(HandlerType.GET, "/notifications", guard.page(Permission.ASSET_READ, inbox::page));
            app.addHttpHandler(HandlerType.GET, "/notifications/badge", guard.page(Permission.ASSET_READ, inbox::bell));
            app.addHttpHandler(HandlerType.POST, "/notifications/read-all", guard.action(Permission.ASSET_READ, inbox::markAllRead));
            app.addHttpHandler(HandlerType.POST, "/notifications/{id}/read", guard.action(Permission.ASSET_READ, inbox::markRead));
        }
        app.addHttpHandler(HandlerType.GET, "/collections", guard.page(Permission.COLLECTION_READ, collections::list));
        app.addHttpHandler(HandlerType.POST, "/collections", guard.action(Permission.COLLECTION_EDIT, collections::create));
        app.addHttpHandler(HandlerType.GET, "/collections/{id}", guard.page(Permission.COLLECTION_READ, collections::detail));
        app.addHttpHandler(HandlerType.POST, "/collections/{id}/share-links",
                guard.action(Permission.SHARE_LINK_CREATE, collections::createLink));
        app.addHttpHandler(HandlerType.GET, "/assets/{id}/collections", guard.page(Permission.COLLECTION_READ, collections::assetCard));
        app.addHttpHandler(HandlerType.POST, "/assets/{id}/collections", guard.action(Permission.COLLECTION_EDIT, collections::addAsset));
        app.addHttpHandler(HandlerType.POST, "/assets/{id}/collections/{collection}/remove",
                guard.action(Permission.COLLECTION_EDIT, collections::removeAsset));
        app.addHttpHandler(HandlerType.GET, "/s/{token}", pages.safely(share::view));
        app.addHttpHandler(HandlerType.POST, "/s/{token}", pages.safely(share::unlock));
        app.addHttpHandler(HandlerType.GET, "/s/{token}/{assetId}/{name}", pages.safely(share::file));
    }

    private void registerConcepts(Javalin app) {
        app.addHttpHandler(HandlerType.GET, "/concepts", guard.page(Permission.ASSET_READ, concepts::list));
        app.addHttpHandler(HandlerType.POST, "/concepts", guard.action(Permission.CONCEPT_MANAGE, concepts::create));
        app.addHttpHandler(HandlerType.GET, "/concepts/{id}", guard.page(Permission.ASSET_READ, concepts::detail));
        app.addHttpHandler(HandlerType.POST, "/concepts/{id}", guard.action(Permission.CONCEPT_MANAGE, concepts::update));
        app.addHttpHandler(HandlerType.POST, "/concepts/{id}/delete", guard.action(Permission.CONCEPT_MANAGE, concepts::delete));
        app.addHttpHandler(HandlerType.GET, "/concepts/{id}/teaching", guard.page(Permission.ASSET_READ, concepts::teaching));
        app.addHttpHandler(HandlerType.GET, "/teach", guard.page(Permission.CONCEPT_MANAGE, teach::page));
        app.addHttpHandler(HandlerType.POST, "/teach", guard.action(Permission.CONCEPT_MANAGE, teach::teach));
    }

    private void registerGroups(Javalin app) {
        app.addHttpHandler(HandlerType.GET, "/admin/groups", guard.page(Permission.USER_MANAGE, groups::list));
        app.addHttpHandler(HandlerType.POST, "/admin/groups", guard.action(Permission.USER_MANAGE, groups::create));
        app.addHttpHandler(HandlerType.GET, "/admin/groups/{id}", guard.page(Permission.USER_MANAGE, groups::detail));
        app.addHttpHandler(HandlerType.POST, "/admin/groups/{id}", guard.action(Permission.USER_MANAGE, groups::update));
        app.addHttpHandler(HandlerType.POST, "/admin/groups/{id}/delete", guard.action(Permission.USER_MANAGE, groups::delete));
        app.addHttpHandler(HandlerType.POST, "/admin/groups/{id}/members", guard.action(Permission.USER_MANAGE, groups::addMember));
        app.addHttpHandler(HandlerType.POST, "/admin/groups/{id}/members/{userId}/remove",
                guard.action(Permission.USER_MANAGE, groups::removeMember));
    }
}
