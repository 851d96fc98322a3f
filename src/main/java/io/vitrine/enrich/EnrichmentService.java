package io.vitrine.enrich;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vitrine.asset.AssetNotFoundException;
import io.vitrine.asset.AssetRepository;
import io.vitrine.pipeline.JobQueue;
import io.vitrine.pipeline.Step;
import io.vitrine.db.Transactions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * Reading enrichment and the human side of it: accepting or rejecting a tag (stored with its time,
 * recalibrating the concept's threshold, re-indexing the asset) and the words that make tags searchable.
 */
public final class EnrichmentService {
    private final AssetRepository assets;
    private final EnrichmentRepository repo;
    private final Thresholds thresholds;
    private final Vocabulary vocabulary;
    private final JobQueue jobs;
    private final Transactions tx;
    private final ObjectMapper json;
    private final Clock clock;

    public EnrichmentService(AssetRepository assets, EnrichmentRepository repo, Thresholds thresholds, Vocabulary vocabulary,
            JobQueue jobs, Transactions tx, ObjectMapper json, Clock clock) {
        this.assets = assets;
        this.repo = repo;
        this.thresholds = thresholds;
        this.vocabulary = vocabulary;
        this.jobs = jobs;
        this.tx = tx;
        this.json = json;
        this.clock = clock;
    }

    public Vocabulary vocabulary() {
        return vocabulary;
    }

    public Enrichment of(String assetId) {
        var results = repo.results(assetId);
        return new Enrichment(repo.tags(assetId),
                read(results.values().get(EnrichmentSteps.PALETTE), new TypeReference<List<PaletteColour>>() {}, List.of()),
                read(results.values().get(EnrichmentSteps.QUALITY), new TypeReference<Quality>() {}, null),
                results.errors());
    }

    /** The technical quality score 0-100, null while the asset has none. */
    public Integer qualityScore(String assetId) {
        Quality q = read(repo.results(assetId).values().get(EnrichmentSteps.QUALITY), new TypeReference<Quality>() {}, null);
        return q == null ? null : q.score();
    }

    /** Records a person's decision on one tag; throws when the asset or the tag does not exist. */
    public Tag decide(String assetId, String concept, Tag.Status status) {
        assets.findLive(assetId).orElseThrow(() -> new AssetNotFoundException(assetId));
        return tx.inTransaction(() -> {
            Tag before = find(assetId, concept);
            repo.decide(assetId, concept, status, clock.instant().truncatedTo(ChronoUnit.MICROS));
            if (before.status() != status) {
                thresholds.record(concept, before.status(), status);
            }
            jobs.enqueue(assetId, new Step.Index(), clock.instant());
            return find(assetId, concept);
        });
    }

    private Tag find(String assetId, String concept) {
        return repo.tags(assetId).stream().filter(t -> t.concept().equals(concept)).findFirst()
                .orElseThrow(() -> new TagNotFoundException(assetId, concept));
    }

    /** Accepted tags, and drafts at or above their concept's threshold: labels in every language, with broader concepts. */
    public List<String> searchTerms(String assetId) {
        LinkedHashSet<String> terms = new LinkedHashSet<>();
        shownConcepts(assetId).forEach(c -> terms.addAll(vocabulary.searchTerms(c.concept())));
        return new ArrayList<>(terms);
    }

    /**
     * The concepts an asset is shown with: accepted tags (weight 1, a person vouched for them) and
     * drafts at or above their concept's threshold (weight = the model's confidence).
     */
    public List<ConceptScore> shownConcepts(String assetId) {
        List<ConceptScore> out = new ArrayList<>();
        for (Tag t : repo.tags(assetId)) {
            if (t.status() == Tag.Status.ACCEPTED) {
                out.add(new ConceptScore(t.concept(), 1.0));
            } else if (t.status() == Tag.Status.DRAFT && t.confidence() >= thresholds.of(t.concept())) {
                out.add(new ConceptScore(t.concept(), t.confidence()));
            }
        }
        return out;
    }

    /** What an image not in the library shows, above the concepts' thresholds (search by example). */
    public List<ConceptScore> shownConcepts(List<ConceptScore> proposed) {
        return proposed.stream().filter(c -> c.confidence() >= thresholds.of(c.concept())).toList();
    }

    private <T> T read(String value, TypeReference<T> type, T fallback) {
        if (value == null) {
            return fallback;
        }
        try {
            return json.readValue(value, type);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
