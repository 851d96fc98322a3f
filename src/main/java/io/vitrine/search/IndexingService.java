package io.vitrine.search;

import io.vitrine.asset.Asset;
import io.vitrine.asset.AssetRepository;
import io.vitrine.asset.AssetStatus;
import io.vitrine.asset.EffectiveMetadata;
import io.vitrine.db.Transactions;
import io.vitrine.events.Events;
import io.vitrine.pipeline.StepHandler;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Keeps the index in line with the database. As the last ingest step it also settles the status:
 * an asset still processing when it gets here is ready.
 */
public final class IndexingService implements StepHandler {
    private final AssetRepository assets;
    private final AssetIndex index;
    private final Clock clock;
    private final SearchableTags tags;
    private final Transactions tx;
    private final Events events;
    private volatile Embeddings embeddings = id -> java.util.Map.of();
    private volatile Findings findings = id -> new Finding(null, null);

    /** The words under which an asset's tags make it findable (enrichment provides them). */
    @FunctionalInterface
    public interface SearchableTags {
        java.util.List<String> of(String assetId);
    }

    /** An asset's stored embeddings by space (the semantic module provides them). */
    @FunctionalInterface
    public interface Embeddings {
        java.util.Map<String, float[]> of(String assetId);
    }

    private volatile QualityScores quality = id -> null;

    /** An asset's technical quality score 0-100, null while unscored (enrichment provides it). */
    @FunctionalInterface
    public interface QualityScores {
        Integer of(String assetId);
    }

    /** Indexes quality scores too, from now on: a gentle ranking boost. */
    public void useQuality(QualityScores q) {
        this.quality = q;
    }

    /** An asset's approval state ("draft", "approved", …; the workflow module provides it). */
    @FunctionalInterface
    public interface WorkflowStates {
        String of(String assetId);
    }

    private volatile WorkflowStates workflow = id -> null;

    /** Indexes the approval state as the {@code workflow} facet (installed by the composition root). */
    public void useWorkflowStates(WorkflowStates w) {
        this.workflow = w;
    }

    /** The ids of the collections an asset is in (the collection module provides them). */
    @FunctionalInterface
    public interface CollectionIds {
        java.util.Set<String> of(String assetId);
    }

    private volatile CollectionIds collections = id -> java.util.Set.of();

    /** Indexes the asset's collections too, so searches of people limited to collections filter inside the query. */
    public void useCollections(CollectionIds c) {
        this.collections = c;
    }

    /** An asset's raised risk flags (the risk module provides them). */
    @FunctionalInterface
    public interface Risks {
        java.util.Set<String> of(String assetId);
    }

    private volatile Risks risks = id -> java.util.Set.of();

    /** Indexes raised risk flags as the {@code risk} facet, from now on. */
    public void useRisks(Risks r) {
        this.risks = r;
    }

    /** Text read off an asset (OCR) and its people count (null: not checked), from faces and OCR. */
    public record Finding(String text, Long people) {}

    @FunctionalInterface
    public interface Findings {
        Finding of(String assetId);
    }

    /** Indexes OCR text and the people count too, from now on. */
    public void useFindings(Findings f) {
        this.findings = f;
    }

    /** Indexes embeddings too, from now on (installed once the embedder has loaded). */
    public void useEmbeddings(Embeddings e) {
        this.embeddings = e;
    }

    public IndexingService(AssetRepository assets, AssetIndex index, Clock clock, SearchableTags tags, Transactions tx, Events events) {
        this.assets = assets;
        this.index = index;
        this.clock = clock;
        this.tags = tags;
        this.tx = tx;
        this.events = events;
    }

    @Override
    public void run(String assetId) {
        Asset asset = assets.findLive(assetId).orElse(null);
        if (asset == null) {
            index.delete(assetId);
            return;
        }
        if (asset.status() == AssetStatus.PROCESSING) {
            tx.run(() -> {
                assets.updateStatus(assetId, AssetStatus.READY, null, clock.instant().truncatedTo(ChronoUnit.MICROS));
                events.record(Events.ASSET_READY, assetId, java.util.Map.of("status", AssetStatus.READY.apiName()));
            });
            asset = assets.find(assetId).orElseThrow();
        }
        index.upsert(document(asset));
    }

    /**
     * The step after the enrichment steps: indexes what the models found, then records
     * {@code asset.enriched} so open pages and integrators learn that the AI findings are complete.
     */
    public StepHandler afterEnrichment() {
        return assetId -> {
            run(assetId);
            if (assets.findLive(assetId).isPresent()) {
                events.record(Events.ASSET_ENRICHED, assetId, java.util.Map.of());
            }
        };
    }

    /**
     * Rebuilds the whole index from the database without downtime: a fresh index is built aside
     * while the live one keeps answering searches and taking writes (applied to both), then
     * swapped in. Returns how many assets were indexed.
     */
    public long rebuild() {
        AtomicLong count = new AtomicLong();
        try (AssetIndex.Rebuild aside = index.rebuildAside()) {
            assets.forEachLive(a -> {
                aside.add(document(a));
                count.incrementAndGet();
            });
            aside.swap();
        }
        return count.get();
    }

    /**
     * After a crash the index may have lost its last few seconds of changes (it commits
     * periodically; the database commits every change). After an unclean stop, or when the live
     * counts disagree, every asset's document is compared with the indexed one by fingerprint:
     * missing and stale documents are re-indexed, documents of assets that are gone are dropped.
     * Returns how many documents were fixed.
     */
    public long reconcile() {
        index.refresh(); // compare with every write made so far, not with the last periodic refresh
        if (index.closedCleanly() && index.count() == assets.countLive()) {
            return 0;
        }
        java.util.Map<String, String> indexed = new java.util.HashMap<>(index.fingerprints());
        AtomicLong fixed = new AtomicLong();
        assets.forEachLive(a -> {
            IndexDocument d = document(a);
            if (!d.fingerprint().equals(indexed.remove(a.id()))) {
                index.upsert(d);
                fixed.incrementAndGet();
            }
        });
        indexed.keySet().forEach(id -> {
            index.delete(id);
            fixed.incrementAndGet();
        });
        index.refresh();
        return fixed.get();
    }

    IndexDocument document(Asset a) {
        EffectiveMetadata m = EffectiveMetadata.of(a);
        IndexDocument doc = new IndexDocument(a.id(), a.filename(), a.mediaType(), a.status().apiName(), a.bytes(), a.createdAt(),
                m.capturedAt(), m.title(), m.description(), m.keywordsOrEmpty(), m.creator(), m.copyright(),
                m.cameraMake(), m.cameraModel(), a.extracted() == null ? null : a.extracted().text(), m.custom(), a.regions())
                .withTags(tags.of(a.id())).withVectors(embeddings.of(a.id())).withWorkflow(workflow.of(a.id()))
                .withQuality(quality.of(a.id())).withCollections(collections.of(a.id()))
                .withRisks(risks.of(a.id()));
        Finding f = findings.of(a.id());
        return doc.withFindings(f.text(), f.people());
    }
}
