package io.vitrine.enrich;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.vitrine.asset.Asset;
import io.vitrine.asset.AssetRepository;
import io.vitrine.asset.Rendition;
import io.vitrine.db.Transactions;
import io.vitrine.events.Events;
import io.vitrine.pipeline.StepHandler;
import io.vitrine.storage.BlobStore;
import java.nio.file.Path;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The enrichment steps (tags, palette, quality). Each reads a JPEG rendition, so anything Vitrine
 * can render gets enriched and originals are never decoded twice. A step whose input and model
 * version are unchanged since its last run does nothing (re-queued Index steps cost a lookup), and
 * a model or analysis that throws records the reason under its kind ({@code enrichment.errors})
 * instead of failing: enrichment never fails an asset.
 */
public final class EnrichmentSteps {
    public static final String TAGS = "tags";
    public static final String PALETTE = "palette";
    public static final String QUALITY = "quality";
    /** Zero-shot tags and the image vector of the image-text (CLIP) model, run in the Embed step. */
    public static final String CLIP = "clip";
    static final int TOP_K = 5;
    private static final Logger LOG = LoggerFactory.getLogger(EnrichmentSteps.class);

    private final AssetRepository assets;
    private final BlobStore blobs;
    private final EnrichmentRepository repo;
    private final Analyzers analyzers;
    private final Thresholds thresholds;
    private final ObjectMapper json;
    private final Clock clock;
    private volatile ImageEmbeddings imageEmbeddings = (assetId, space, vector, sourceSha256) -> { };

    /** Where the tagger's image embedding goes (the embedding store); the tagging step computes it in the same inference. */
    @FunctionalInterface
    public interface ImageEmbeddings {
        void put(String assetId, String space, float[] vector, String sourceSha256);
    }
    private final Transactions tx;
    private final Events events;

    /** The models and algorithms behind the steps. */
    public record Analyzers(TaggerSource tags, PaletteExtractor palette, QualityScorer quality) {}

    @FunctionalInterface
    interface Work {
        String compute(Asset asset, Path rendition) throws Exception;
    }

    public EnrichmentSteps(AssetRepository assets, BlobStore blobs, EnrichmentRepository repo, Analyzers analyzers,
            Thresholds thresholds, ObjectMapper json, Clock clock, Transactions tx, Events events) {
        this.assets = assets;
        this.blobs = blobs;
        this.repo = repo;
        this.analyzers = analyzers;
        this.thresholds = thresholds;
        this.json = json;
        this.clock = clock;
        this.tx = tx;
        this.events = events;
    }

    public EnrichmentSteps storeImageEmbeddings(ImageEmbeddings sink) {
        this.imageEmbeddings = sink;
        return this;
    }

    public StepHandler tagsStep() {
        return id -> tags(id, false);
    }

    public StepHandler paletteStep() {
        return id -> palette(id, false);
    }

    public StepHandler qualityStep() {
        return id -> quality(id, false);
    }

    /** Zero-shot tags from the image-text model, kept apart from the classifier's ({@value #CLIP} kind, own drafts). */
    public StepHandler zeroShotStep(TaggerSource zeroShot) {
        return id -> tags(id, false, zeroShot, CLIP);
    }

    /** Returns whether the step ran (false: nothing to do, unchanged, or no model installed). */
    public boolean tags(String assetId, boolean force) throws Exception {
        return tags(assetId, force, analyzers.tags(), TAGS);
    }

    /** Tags from {@code source} recorded under {@code kind}; each model's drafts replace only its own. */
    public boolean tags(String assetId, boolean force, TaggerSource source, String kind) throws Exception {
        Optional<Tagger> tagger;
        try {
            tagger = source.tagger();
        } catch (Exception | LinkageError e) {
            return failLoading(assetId, e, source, kind);
        }
        if (tagger.isEmpty()) {
            return false;
        }
        Tagger t = tagger.get();
        return run(assetId, kind, "preview", t.model(), t.modelVersion(), force, (asset, file) -> {
            Tagger.Analysis analysis = t.analyse(List.of(file)).getFirst();
            List<Tag> tags = select(t, analysis.concepts());
            tx.run(() -> {
                repo.replaceDrafts(assetId, t.model(), tags);
                events.record(Events.ASSET_TAGGED, assetId, java.util.Map.of("model", t.model(), "count", tags.size()));
            });
            if (analysis.embedding() != null && t.embeddingSpace().isPresent()) {
                imageEmbeddings.put(assetId, t.embeddingSpace().get(), analysis.embedding(), rendition(asset, "preview").sha256());
            }
            // the raw classes stay with the result: the risk step reads them (a revolver is a class, not a concept)
            return json.writeValueAsString(java.util.Map.of("count", tags.size(), "classes", analysis.classes()));
        });
    }

    public boolean palette(String assetId, boolean force) throws Exception {
        PaletteExtractor p = analyzers.palette();
        return run(assetId, PALETTE, "thumb", "palette", p.version(), force,
                (asset, file) -> json.writeValueAsString(p.palette(file)));
    }

    public boolean quality(String assetId, boolean force) throws Exception {
        QualityScorer q = analyzers.quality();
        return run(assetId, QUALITY, "preview", "quality", q.version(), force, (asset, file) -> {
            Long pixels = asset.width() != null && asset.height() != null ? (long) asset.width() * asset.height() : null;
            return json.writeValueAsString(q.score(file, pixels));
        });
    }

    /** Runs one kind on one rendition unless its input and model version are unchanged; shared with {@link FaceAndTextSteps}. */
    boolean run(String assetId, String kind, String renditionName, String model, String version, boolean force,
            Work work) throws Exception {
        Asset asset = assets.findLive(assetId).orElse(null);
        Rendition source = asset == null ? null : rendition(asset, renditionName);
        if (source == null) {
            return false;
        }
        return run(asset, kind, source.sha256(), model, version, force, work);
    }

    /** The model and version a run records; the step skips while they and its input are unchanged. */
    record Stamp(String model, String version) {}

    /**
     * Runs one kind on the asset's original file (transcripts listen to the original, not a rendition).
     * {@code stamp} is asked only for an asset the kind {@code applies} to (it may look at installed models):
     * empty when the kind cannot run on this node.
     */
    boolean runOnOriginal(String assetId, java.util.function.Predicate<Asset> applies, String kind,
            java.util.function.Supplier<Optional<Stamp>> stamp, boolean force, java.util.function.Function<Stamp, Work> work)
            throws Exception {
        Asset asset = assets.findLive(assetId).orElse(null);
        if (asset == null || !applies.test(asset)) {
            return false;
        }
        Optional<Stamp> s = stamp.get();
        return s.isPresent() && run(asset, kind, asset.sha256(), s.get().model(), s.get().version(), force, work.apply(s.get()));
    }

    private boolean run(Asset asset, String kind, String sourceSha256, String model, String version, boolean force,
            Work work) throws Exception {
        String assetId = asset.id();
        var marker = new EnrichmentRepository.Marker(sourceSha256, model, version);
        if (!force && repo.marker(assetId, kind).filter(marker::equals).isPresent()) {
            return false;
        }
        String value;
        String error = null;
        try (BlobStore.LocalFile file = blobs.localFile(sourceSha256)) {
            value = work.compute(asset, file.path());
        } catch (Exception | LinkageError e) {
            LOG.warn("{} of asset {} failed with {} {}: {}", kind, assetId, model, version, e.toString());
            value = null;
            error = model + " " + version + ": " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        }
        repo.record(assetId, kind, marker, value, error, clock.instant().truncatedTo(ChronoUnit.MICROS));
        return true;
    }

    private boolean failLoading(String assetId, Throwable e, TaggerSource source, String kind) {
        Asset asset = assets.findLive(assetId).orElse(null);
        Rendition rendition = asset == null ? null : rendition(asset, "preview");
        if (rendition == null) {
            return false;
        }
        String name = source.modelName();
        LOG.warn("model {} cannot be loaded: {}", name, e.toString());
        repo.record(assetId, kind, new EnrichmentRepository.Marker(rendition.sha256(), name, "unloadable"), null,
                name + " cannot be loaded: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()),
                clock.instant().truncatedTo(ChronoUnit.MICROS));
        return true;
    }

    /** The top {@value #TOP_K} concepts at or above their concept's threshold, as drafts. */
    private List<Tag> select(Tagger t, List<ConceptScore> scores) {
        var now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        return scores.stream()
                .filter(s -> s.confidence() >= thresholds.of(s.concept()))
                .limit(TOP_K)
                .map(s -> new Tag(s.concept(), Math.round(s.confidence() * 10_000) / 10_000.0, Tag.Status.DRAFT, "ai",
                        t.model(), t.modelVersion(), now, null))
                .toList();
    }

    private static Rendition rendition(Asset asset, String name) {
        return asset.renditions().stream().filter(r -> r.name().equals(name) && r.mediaType().equals("image/jpeg"))
                .findFirst().orElse(null);
    }
}
