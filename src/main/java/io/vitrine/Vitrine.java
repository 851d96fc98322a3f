package io.vitrine;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.vitrine.api.Governance;
import io.vitrine.analytics.SearchLog;
import io.vitrine.analytics.jdbc.JdbiSearchLog;
import io.vitrine.api.HttpApi;
import io.vitrine.audit.AuditService;
import io.vitrine.asset.AssetRepository;
import io.vitrine.asset.AssetService;
import io.vitrine.asset.AssetStatus;
import io.vitrine.asset.Ids;
import io.vitrine.asset.jdbc.JdbiAssetRepository;
import io.vitrine.auth.AuthService;
import io.vitrine.auth.jdbc.JdbiTokenRepository;
import io.vitrine.config.VitrineConfig;
import io.vitrine.db.Database;
import io.vitrine.db.Json;
import io.vitrine.enrich.EnrichmentService;
import io.vitrine.enrich.EnrichmentSteps;
import io.vitrine.enrich.ModelStore;
import io.vitrine.ingest.FolderImport;
import io.vitrine.ingest.IngestService;
import io.vitrine.ingest.jdbc.JdbiImportJournal;
import io.vitrine.ingest.MetadataStep;
import io.vitrine.pipeline.JobQueue;
import io.vitrine.pipeline.StepRunner;
import io.vitrine.pipeline.WorkSignal;
import io.vitrine.pipeline.Workers;
import io.vitrine.pipeline.jdbc.JdbiJobQueue;
import io.vitrine.rendition.RenditionStep;
import io.vitrine.search.AssetIndex;
import io.vitrine.search.IndexingService;
import io.vitrine.search.SearchService;
import io.vitrine.storage.BlobLocks;
import io.vitrine.storage.BlobStore;
import io.vitrine.storage.jdbc.JdbiBlobLocks;
import io.vitrine.storage.local.LocalBlobStore;
import io.vitrine.web.Sessions;
import io.vitrine.web.WebUi;
import io.vitrine.web.jdbc.JdbiSessionStore;
import io.vitrine.common.Periodic;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The composition root: builds every adapter from the configuration and hands them to the services
 * that need them. Commands and tests construct the whole application through here.
 */
public final class Vitrine implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Vitrine.class);

    private final VitrineConfig config;
    private final List<AutoCloseable> resources = new ArrayList<>();
    private final Database database;
    private final BlobStore blobs;
    private final AssetIndex index;
    private final AssetRepository assets;
    private final JobQueue jobs;
    private final AuthService auth;
    private final io.vitrine.auth.GroupService groups;
    private final OidcModule oidc;
    private final IngestService ingest;
    private final AssetService assetService;
    private final IndexingService indexing;
    private final SearchService search;
    private final Workers workers;
    private final FolderImport folderImport;
    private final Governance governance;
    private final Sessions sessions;
    private final EnrichmentModule enrichment;
    private final io.vitrine.duplicate.DuplicateService duplicates;
    private final NotificationModule notifications;
    private final ConceptModule concepts;
    private final ObjectMapper json = Json.mapper();
    private HttpApi http;

    public Vitrine(VitrineConfig config) {
        this(config, Clock.systemUTC());
    }

    public Vitrine(VitrineConfig config, Clock clock) {
        this.config = config;
        try {
            Adapters adapters = new Adapters(config);
            database = track(Database.open(config.db().effectiveUrl(config.dataDir()), config.db().user(),
                    config.db().password(), config.pipeline().workers() + 8));
            blobs = new LocalBlobStore(config.dataDir().resolve("blobs"));
            index = track(adapters.index());
            WorkSignal signal = new WorkSignal();
            var handles = database.handles();
            notifications = track(new NotificationModule(config, handles, json, clock, nodeName()));
            assets = new JdbiAssetRepository(handles, json);
            jobs = new JdbiJobQueue(handles, signal::wake);
            var groupRepo = new io.vitrine.auth.jdbc.JdbiGroupRepository(handles);
            var collectionRepo = new io.vitrine.collection.jdbc.JdbiCollectionRepository(handles);
            Ids groupIds = new Ids();
            groups = new io.vitrine.auth.GroupService(groupRepo, new io.vitrine.auth.jdbc.JdbiUserRepository(handles),
                    id -> collectionRepo.find(id).isPresent(), () -> groupIds.next(clock.instant()), clock);
            oidc = new OidcModule(config.oidc(), handles, groupRepo, clock);
            auth = new AuthService(new JdbiTokenRepository(handles), clock, oidc.bearer(), groups::effective);
            BlobLocks locks = new JdbiBlobLocks(handles);
            ingest = new IngestService(blobs, locks, adapters.contentTypes(), adapters.inspectors(), assets, jobs, handles,
                    new Ids(), clock, config.limits().maxUploadBytes(), notifications.events);
            assetService = new AssetService(assets, blobs, locks, jobs, handles, clock, config.pipeline().purgeAfter(),
                    notifications.events);
            enrichment = track(new EnrichmentModule(config, handles, assets, blobs, jobs, json, clock, notifications.events,
                    this::released));
            indexing = new IndexingService(assets, index, clock, enrichment.service::searchTerms, handles, notifications.events);
            indexing.useQuality(enrichment.service::qualityScore);
            indexing.useRisks(enrichment.risks::raised);
            indexing.useFindings(id -> {
                var f = enrichment.service.findings(id);
                return new IndexingService.Finding(f.text(), f.facesChecked() ? f.people() : null);
            });
            search = new SearchService(index, assets);
            concepts = track(new ConceptModule(handles, enrichment, search, jobs, notifications.events, clock,
                    config.enrich().fewShotPage()));
            enrichment.embeddings.ifPresent(e -> {
                search.useEmbedding(e);
                indexing.useEmbeddings(e::vectors);
            });
            duplicates = DuplicateModule.service(handles, assets, blobs, search, jobs, json, clock);
            StepRunner runner = new StepRunner(
                    new MetadataStep(assets, blobs, adapters.metadata(), clock),
                    new RenditionStep(assets, blobs, adapters.renderer(), config.dataDir().resolve("work")),
                    indexing,
                    assetService::purge,
                    enrichment.handlers(indexing.afterEnrichment()).withDuplicates(duplicates.step())
                            .withConcepts(concepts.concepts.reindexStep(), concepts.fewShot.applyStep()));
            workers = track(new Workers(jobs, runner,
                    (id, reason, at) -> {
                        assets.updateStatus(id, AssetStatus.FAILED, reason, at);
                        notifications.events.record(io.vitrine.events.Events.ASSET_FAILED, id,
                                java.util.Map.of("reason", reason == null ? "unknown" : reason));
                    }, handles, clock, signal, new Workers.Settings(
                    config.pipeline().workers(), config.pipeline().maxAttempts(), config.pipeline().lease(), nodeName())));
            folderImport = new FolderImport(ingest, new JdbiImportJournal(handles));
            governance = GovernanceModule.build(new GovernanceModule.Parts(config, handles, auth, groups, assetService, jobs,
                    notifications.events, json, clock));
            indexing.useWorkflowStates(governance.approvals().workflow()::state);
            indexing.useCollections(governance.sharing().collections()::collectionsOf);
            governance.approvals().workflow().useRaisedRisks(enrichment.risks::raised);
            // a release attached or taken off changes people-without-release: the risk step re-runs (durably, in the same commit)
            // so does one whose period ends (the lifecycle run notices, on every worker node's schedule)
            java.util.function.Consumer<String> reassess = id -> jobs.enqueue(id, new io.vitrine.pipeline.Step.AssessRisk(), clock.instant());
            governance.licences().onReleaseChanged(reassess);
            governance.lifecycle().onReleaseChanged(reassess);
            sessions = new Sessions(new JdbiSessionStore(handles), auth, clock);
            if (adapters.indexWasReset()) {
                LOG.info("search index was empty or from another schema version; rebuilt {} assets", indexing.rebuild());
            } else {
                long fixed = indexing.reconcile();
                if (fixed > 0) {
                    LOG.warn("search index disagreed with the database (unclean stop?); fixed {} documents", fixed);
                }
            }
        } catch (IOException e) {
            close();
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    /** When the newest release (model or property) still attached to the asset was attached; asked by the risk step once workers run. */
    private java.util.Optional<java.time.Instant> released(String assetId) {
        return governance.licences().releaseAttachedAt(assetId);
    }

    private <T extends AutoCloseable> T track(T resource) {
        resources.add(resource);
        return resource;
    }

    public Vitrine startWorkers() {
        if (config.pipeline().workers() > 0) {
            workers.start();
            track(new Periodic("vitrine-review-reminders", config.workflow().reminderInterval(),
                    () -> governance.approvals().reminders().run(false).reminders().size()));
            // lifecycle actions are idempotent, so every worker node may run the rules without coordination
            track(new Periodic("vitrine-lifecycle", config.workflow().lifecycleInterval(),
                    () -> governance.lifecycle().run(false).actions().size()));
            notifications.startDispatching();
            enrichment.startBackfill();
        }
        return this;
    }

    public Vitrine startHttp() {
        SearchLog searchLog = new JdbiSearchLog(database.handles());
        io.vitrine.api.EventStream live = new io.vitrine.api.EventStream(notifications.feed, assetService,
                governance.approvals().workflow()::released, governance.sharing().collections()::collectionsOf);
        var inbox = new io.vitrine.notification.NotificationService(
                new io.vitrine.notification.jdbc.JdbiNotificationRepository(database.handles(), json), java.time.Clock.systemUTC());
        WebUi web = new WebUi(assetService, ingest, search, blobs, sessions, governance.licences(), governance.audit(),
                enrichment.service, searchLog, governance.sharing().collections(), governance.sharing().links(),
                governance.approvals().workflow(), oidc.external()).withReview(governance.approvals(), duplicates)
                .withRelated(duplicates, enrichment.embeddings).withLiveUpdates(live).withRisks(enrichment.risks)
                .withConcepts(concepts.concepts, concepts.fewShot).withNotifications(inbox)
                .withGroups(governance.groups(), governance.users());
        http = track(new HttpApi(assetService, ingest, search, auth, blobs, json, governance,
                new HttpApi.Enrichment(enrichment.service, enrichment.capabilities, enrichment.embeddings, enrichment.tagger,
                        enrichment.risks),
                searchLog).withDuplicates(duplicates).withConcepts(concepts.concepts, concepts.fewShot).reindex(indexing::rebuild)
                .withNotificationInbox(inbox)
                .notifications(new HttpApi.Notifications(notifications.webhooks, live), json)
                .extend(web::register).start(config.port()));
        notifications.startFeed();
        return this;
    }

    public HttpApi http() {
        return http;
    }

    public int port() {
        return http.port();
    }

    public VitrineConfig config() {
        return config;
    }

    public AuthService auth() {
        return auth;
    }

    public AuditService audit() {
        return governance.audit();
    }

    public IndexingService indexing() {
        return indexing;
    }

    public FolderImport folderImport() {
        return folderImport;
    }

    public JobQueue jobs() {
        return jobs;
    }

    public AssetRepository assets() {
        return assets;
    }

    public IngestService ingest() {
        return ingest;
    }

    /**
     * The configured search index technology, opened on its own at {@code dir} (benchmarks, tools), one
     * search spreading its segments over at most {@code searchThreads} threads.
     */
    public static AssetIndex openIndex(Path dir, int searchThreads) {
        return Adapters.openIndex(dir, searchThreads);
    }

    public ModelStore models() {
        return enrichment.models;
    }

    public EnrichmentSteps enrichmentSteps() {
        return enrichment.steps;
    }

    public io.vitrine.risk.RiskStep riskStep() {
        return enrichment.riskStep;
    }

    /** Zero-shot tags of the installed CLIP model (empty tagger without one), for {@code vitrine enrich --model clip}. */
    public io.vitrine.enrich.TaggerSource zeroShotTagger() {
        return enrichment.zeroShot;
    }

    public io.vitrine.enrich.FaceAndTextSteps facesAndText() {
        return enrichment.facesAndText;
    }

    public io.vitrine.enrich.TranscriptStep transcripts() {
        return enrichment.transcripts;
    }

    /** The text-embedding step (every loaded text space), for {@code vitrine enrich --model embeddings}. */
    public java.util.Optional<io.vitrine.pipeline.StepHandler> textEmbeddings() {
        return enrichment.embeddings.map(io.vitrine.embed.EmbeddingService::step);
    }

    public io.vitrine.enrich.TaggerSource tagger() {
        return enrichment.tagger;
    }

    public BlobStore blobs() {
        return blobs;
    }

    public io.vitrine.duplicate.DuplicateService duplicates() {
        return duplicates;
    }

    public io.vitrine.concept.ConceptService concepts() {
        return concepts.concepts;
    }

    public EnrichmentService enrichment() {
        return enrichment.service;
    }

    private static String nodeName() {
        try {
            return InetAddress.getLocalHost().getHostName() + ":" + ProcessHandle.current().pid();
        } catch (IOException e) {
            return "node:" + ProcessHandle.current().pid();
        }
    }

    /** Closes in reverse order of creation: HTTP, workers, index, database. */
    @Override
    public void close() {
        for (int i = resources.size() - 1; i >= 0; i--) {
            try {
                resources.get(i).close();
            } catch (Exception e) {
                LOG.warn("closing {} failed", resources.get(i).getClass().getSimpleName(), e);
            }
        }
        resources.clear();
    }
}
