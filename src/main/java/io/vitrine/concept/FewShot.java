package io.vitrine.concept;

import io.vitrine.db.Transactions;
import io.vitrine.events.Events;
import io.vitrine.pipeline.JobQueue;
import io.vitrine.pipeline.Step;
import io.vitrine.pipeline.StepHandler;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.ToDoubleFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Teaching a concept from example assets. The prototype is the normalised mean of the positives'
 * normalised image embeddings (the MobileNet feature the tagging step stores); its radius comes from
 * the examples ({@link Calibration}). Teaching stores {@code prototype@N+1} and queues a durable
 * {@code ApplyConcept} job, which walks every asset the index finds within the radius, a page at a
 * time (never all pairs), and makes the concept's few-shot drafts exactly those; newly embedded assets are scored in the
 * tagging step ({@link #score}). Drafts of an older version are replaced, decided tags never touched;
 * a person's accept or reject feeds the concept's threshold like any other tag.
 */
public final class FewShot {
    static final int MAX_POSITIVES = 50;
    static final int MAX_NEGATIVES = 50;
    /**
     * The index compares int8 copies of the vectors, whose cosine can fall a little below the exact one:
     * candidates are asked for this much below the radius and every one is re-checked exactly.
     */
    static final float INDEX_MARGIN = 0.02f;
    private static final Logger LOG = LoggerFactory.getLogger(FewShot.class);

    /** An asset's image embedding: its space and L2-normalised vector, if the tagger gave it one. */
    @FunctionalInterface
    public interface ImageVectors {
        Optional<Map.Entry<String, float[]>> of(String assetId);
    }

    /**
     * Every live asset, any region, whose image vector in {@code space} has cosine at least {@code min}
     * to {@code vector}: one page in id order after {@code afterId} (null: the first), at most {@code limit}.
     */
    @FunctionalInterface
    public interface NearestImages {
        List<String> within(String space, float[] vector, float min, String afterId, int limit);
    }

    public record Examples(List<String> positives, List<String> negatives) {}

    private final ConceptRepository repo;
    private final ConceptService concepts;
    private final ToDoubleFunction<String> thresholds;
    private final ImageVectors vectors;
    private final NearestImages nearest;
    private final JobQueue jobs;
    private final Transactions tx;
    private final Events events;
    private final Clock clock;
    private final int page;

    /** {@code page}: how many candidates a library run reads from the index, scores and stores at a time. */
    public FewShot(ConceptRepository repo, ConceptService concepts, ToDoubleFunction<String> thresholds, ImageVectors vectors,
            NearestImages nearest, JobQueue jobs, Transactions tx, Events events, Clock clock, int page) {
        this.repo = repo;
        this.concepts = concepts;
        this.thresholds = thresholds;
        this.vectors = vectors;
        this.nearest = nearest;
        this.jobs = jobs;
        this.tx = tx;
        this.events = events;
        this.clock = clock;
        this.page = page;
    }

    public Optional<Prototype> prototype(String concept) {
        return repo.prototype(concept);
    }

    /** The status of each of {@code concepts} that was taught from examples. */
    public java.util.Map<String, Prototype.Status> statuses(java.util.Set<String> concepts) {
        return repo.prototypeStatuses(concepts);
    }

    /** How many assets carry the concept from the current prototype version. */
    public int tagged(Prototype p) {
        return repo.fewShotTagged(p.concept(), p.version());
    }

    /** Stores the next prototype version and queues its run over the library (the caller checked the assets exist and are visible). */
    public Prototype teach(String concept, Examples ex, String by) {
        concepts.get(concept);
        check(ex);
        var pos = embeddings(ex.positives());
        var neg = embeddings(ex.negatives());
        String space = space(pos, neg);
        Calibration c = Calibration.of(values(pos), values(neg));
        var at = clock.instant().truncatedTo(ChronoUnit.MICROS);
        return tx.inTransaction(() -> {
            Prototype p = repo.teach(new Prototype(concept, 0, space, c.prototype(), c.radius(), ex.positives(), ex.negatives(),
                    Prototype.Status.QUEUED, 0, null, by, at, null));
            jobs.enqueue(concept, new Step.ApplyConcept(), clock.instant());
            return p;
        });
    }

    /** The example counts and overlap, checked before anything is looked up. */
    public static void check(Examples ex) {
        if (ex.positives().isEmpty() || ex.positives().size() > MAX_POSITIVES) {
            throw ConceptException.invalid("'assetIds' must name 1 to " + MAX_POSITIVES + " example assets, got " + ex.positives().size());
        }
        if (ex.negatives().size() > MAX_NEGATIVES) {
            throw ConceptException.invalid("'negativeAssetIds' may name at most " + MAX_NEGATIVES + " assets, got " + ex.negatives().size());
        }
        Set<String> both = new HashSet<>(ex.positives());
        both.retainAll(ex.negatives());
        if (!both.isEmpty()) {
            throw ConceptException.invalid("assets cannot be both positive and negative examples: " + String.join(", ", both));
        }
    }

    private Map<String, Map.Entry<String, float[]>> embeddings(List<String> ids) {
        Map<String, Map.Entry<String, float[]>> out = new LinkedHashMap<>();
        List<String> missing = new ArrayList<>();
        for (String id : ids) {
            vectors.of(id).ifPresentOrElse(v -> out.put(id, v), () -> missing.add(id));
        }
        if (!missing.isEmpty()) {
            throw new ConceptException(ConceptException.Kind.CONFLICT, "no-embedding", "these assets have no image embedding yet "
                    + "(not an image, still being enriched, or no image model installed): " + String.join(", ", missing));
        }
        return out;
    }

    /** The one embedding space of all examples (a prototype compares like with like). */
    private static String space(Map<String, Map.Entry<String, float[]>> pos, Map<String, Map.Entry<String, float[]>> neg) {
        Map<String, List<String>> bySpace = new LinkedHashMap<>();
        Map<String, Map.Entry<String, float[]>> all = new LinkedHashMap<>(pos);
        all.putAll(neg);
        all.forEach((id, v) -> bySpace.computeIfAbsent(v.getKey(), k -> new ArrayList<>()).add(id));
        if (bySpace.size() > 1) {
            throw new ConceptException(ConceptException.Kind.CONFLICT, "mixed-embeddings",
                    "the examples were embedded by different models (re-enrich them): " + bySpace);
        }
        return bySpace.keySet().iterator().next();
    }

    private static List<float[]> values(Map<String, Map.Entry<String, float[]>> m) {
        return m.values().stream().map(Map.Entry::getValue).toList();
    }

    /** The step {@code ApplyConcept}: the concept's current prototype over the whole library. */
    public StepHandler applyStep() {
        return this::apply;
    }

    /**
     * Walks every candidate within the radius page by page (memory for one page, however many match),
     * stores each page's drafts as it goes, then drops the concept's few-shot drafts this run did not
     * propose (older versions, assets no longer within the radius or under the threshold). Every asset
     * whose drafts changed gets {@code asset.tagged}; the finished run (done or failed) {@code concept.taught}.
     */
    void apply(String concept) {
        Optional<Prototype> found = repo.prototype(concept);
        if (found.isEmpty()) {
            return;
        }
        Prototype p = found.get();
        repo.progress(concept, p.version(), Prototype.Status.RUNNING, p.tagged(), null, clock.instant());
        int proposed = 0;
        int removed = 0;
        try {
            double bar = thresholds.applyAsDouble(concept);
            var at = clock.instant().truncatedTo(ChronoUnit.MICROS);
            List<String> candidates = nearest.within(p.space(), p.vector(), (float) p.radius() - INDEX_MARGIN, null, page);
            while (!candidates.isEmpty()) {
                Map<String, Double> matches = new LinkedHashMap<>();
                for (String id : candidates) {
                    confidence(p, id, bar).ifPresent(c -> matches.put(id, c));
                }
                proposed += reindex(p, () -> repo.proposeFewShotDrafts(concept, p.version(), matches, at)).size();
                candidates = candidates.size() < page ? List.of()
                        : nearest.within(p.space(), p.vector(), (float) p.radius() - INDEX_MARGIN, candidates.getLast(), page);
            }
            Set<String> dropped;
            do {
                dropped = reindex(p, () -> repo.dropStaleFewShotDrafts(concept, p.version(), at, page));
                removed += dropped.size();
            } while (dropped.size() == page);
            finish(p, Prototype.Status.DONE, repo.fewShotTagged(concept, p.version()), null, proposed, removed, at);
        } catch (RuntimeException e) {
            LOG.warn("applying prototype {}@{} failed: {}", concept, p.version(), e.toString());
            finish(p, Prototype.Status.FAILED, p.tagged(), String.valueOf(e.getMessage()), proposed, removed, clock.instant());
            throw e;
        }
    }

    /** The run's end and its {@code concept.taught} event commit together: a page showing the run hears of it exactly when it is so. */
    private void finish(Prototype p, Prototype.Status status, int tagged, String error, int proposed, int removed, java.time.Instant at) {
        tx.run(() -> {
            repo.progress(p.concept(), p.version(), status, tagged, error, at);
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("version", p.version());
            data.put("status", status.apiName());
            data.put("tagged", tagged);
            data.put("proposed", proposed);
            data.put("removed", removed);
            data.put("error", error);
            events.record(Events.CONCEPT_TAUGHT, p.concept(), data);
        });
    }

    /** One page's tag change, with the {@code Index} job and {@code asset.tagged} event of each asset it changed, in one transaction. */
    private Set<String> reindex(Prototype p, java.util.function.Supplier<Set<String>> change) {
        return tx.inTransaction(() -> {
            Set<String> changed = change.get();
            for (String id : changed) {
                jobs.enqueue(id, new Step.Index(), clock.instant());
                events.record(Events.ASSET_TAGGED, id, Map.of("model", ConceptRepository.FEW_SHOT, "modelVersion", String.valueOf(p.version()),
                        "concept", p.concept()));
            }
            return changed;
        });
    }

    private Optional<Double> confidence(Prototype p, String assetId, double bar) {
        if (p.negatives().contains(assetId)) {
            return Optional.empty();
        }
        return vectors.of(assetId).filter(v -> v.getKey().equals(p.space()))
                .map(v -> Calibration.cosine(p.vector(), v.getValue()))
                .filter(cos -> cos >= p.radius()).map(p::confidence).filter(c -> c >= bar);
    }

    /** Scores a freshly embedded asset against every prototype of its space (the tagging step's path). */
    public void score(String assetId, String space, float[] vector) {
        var at = clock.instant().truncatedTo(ChronoUnit.MICROS);
        for (Prototype p : repo.prototypes(space)) {
            double cos = Calibration.cosine(p.vector(), vector);
            double c = p.confidence(cos);
            if (cos >= p.radius() && !p.negatives().contains(assetId) && c >= thresholds.applyAsDouble(p.concept())) {
                repo.proposeFewShot(assetId, p.concept(), p.version(), c, at);
            }
        }
    }
}
