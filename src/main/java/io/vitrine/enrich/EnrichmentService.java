package io.vitrine.enrich;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vitrine.asset.AssetNotFoundException;
import io.vitrine.asset.AssetRepository;
import io.vitrine.pipeline.JobQueue;
import io.vitrine.pipeline.Step;
import io.vitrine.db.Transactions;
import io.vitrine.events.Events;
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
    private final FacesAndTextRepository detections;
    private final Thresholds thresholds;
    private final Vocabulary vocabulary;
    private final JobQueue jobs;
    private final Transactions tx;
    private final ObjectMapper json;
    private final Clock clock;
    private final Events events;

    public EnrichmentService(AssetRepository assets, EnrichmentRepository repo, FacesAndTextRepository detections,
            Thresholds thresholds, Vocabulary vocabulary, JobQueue jobs, Transactions tx, ObjectMapper json, Clock clock, Events events) {
        this.assets = assets;
        this.repo = repo;
        this.detections = detections;
        this.thresholds = thresholds;
        this.vocabulary = vocabulary;
        this.jobs = jobs;
        this.tx = tx;
        this.json = json;
        this.clock = clock;
        this.events = events;
    }

    /** The per-concept tag thresholds. */
    public Thresholds thresholds() {
        return thresholds;
    }

    public Vocabulary vocabulary() {
        return vocabulary;
    }

    public Enrichment of(String assetId) {
        var results = repo.results(assetId);
        return new Enrichment(repo.tags(assetId),
                read(results.values().get(EnrichmentSteps.PALETTE), new TypeReference<List<PaletteColour>>() {}, List.of()),
                read(results.values().get(EnrichmentSteps.QUALITY), new TypeReference<Quality>() {}, null),
                results.errors(), detections.faces(assetId), detections.texts(assetId), shownConcepts(assetId),
                read(results.values().get(TranscriptStep.KIND), new TypeReference<TranscriptDetails>() {}, null));
    }

    /** Records a person's decision on one face (accepted: a real face; rejected: not one) and re-indexes the asset. */
    public Face decideFace(String assetId, int number, Tag.Status status) {
        assets.findLive(assetId).orElseThrow(() -> new AssetNotFoundException(assetId));
        return tx.inTransaction(() -> {
            Face f = detections.decideFace(assetId, number, status, clock.instant().truncatedTo(ChronoUnit.MICROS))
                    .orElseThrow(() -> new FaceNotFoundException(assetId, number));
            jobs.enqueue(assetId, new Step.Index(), clock.instant());
            return f;
        });
    }

    /** What the index needs from faces and OCR: people present (faces nobody rejected) and the text read. */
    public record Findings(long people, boolean facesChecked, String text) {}

    public Findings findings(String assetId) {
        List<Face> faces = detections.faces(assetId);
        boolean checked = repo.marker(assetId, FaceAndTextSteps.FACES).isPresent();
        String text = String.join("\n", detections.texts(assetId).stream().filter(t -> t.status() != Tag.Status.REJECTED)
                .map(ReadText::content).toList());
        return new Findings(faces.stream().filter(Face::counts).count(), checked, text);
    }

    /** The technical quality score 0-100, null while the asset has none. */
    public Integer qualityScore(String assetId) {
        Quality q = read(repo.results(assetId).values().get(EnrichmentSteps.QUALITY), new TypeReference<Quality>() {}, null);
        return q == null ? null : q.score();
    }

    /**
     * Records a person's decision on one tag; throws when the asset or the tag does not exist. A changed
     * decision recalibrates the concept's threshold and re-indexes the assets whose draft the move crossed.
     */
    public Tag decide(String assetId, String concept, Tag.Status status) {
        assets.findLive(assetId).orElseThrow(() -> new AssetNotFoundException(assetId));
        return tx.inTransaction(() -> {
            Tag before = find(assetId, concept);
            repo.decide(assetId, concept, status, clock.instant().truncatedTo(ChronoUnit.MICROS));
            if (before.status() != status) {
                // drafts of this concept that the new bar takes in or leaves out are re-indexed, so search follows
                thresholds.record(concept, before.status(), status, repo::draftsBetween,
                        crossed -> jobs.enqueue(crossed, new Step.Index(), clock.instant()));
            }
            jobs.enqueue(assetId, new Step.Index(), clock.instant());
            events.record(Events.ASSET_TAGS_REVIEWED, assetId, java.util.Map.of("concept", concept, "status", status.name().toLowerCase(java.util.Locale.ROOT)));
            return find(assetId, concept);
        });
    }

    /** Assets whose AI tags still wait for a person, newest first (the caller filters what the person may see). */
    public List<EnrichmentRepository.Drafts> awaitingReview(int limit) {
        return repo.withDrafts(limit);
    }

    /** A person puts a vocabulary concept on an asset (accepted, source {@code human}). */
    public Tag add(String assetId, String concept) {
        assets.findLive(assetId).orElseThrow(() -> new AssetNotFoundException(assetId));
        if (vocabulary.concept(concept).isEmpty()) {
            throw new IllegalArgumentException("'" + abbreviate(concept) + "' is not a concept of the vocabulary");
        }
        return tx.inTransaction(() -> {
            java.time.Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
            repo.addHuman(assetId, new Tag(concept, 1.0, Tag.Status.ACCEPTED, "human", "human", "-", now, now));
            jobs.enqueue(assetId, new Step.Index(), clock.instant());
            events.record(Events.ASSET_TAGS_REVIEWED, assetId, java.util.Map.of("concept", concept, "status", "added"));
            return find(assetId, concept);
        });
    }

    /** Takes off a tag a person added; an AI tag is rejected instead, so the model's proposal stays on record. */
    public void remove(String assetId, String concept) {
        assets.findLive(assetId).orElseThrow(() -> new AssetNotFoundException(assetId));
        tx.inTransaction(() -> {
            if (!repo.removeHuman(assetId, concept)) {
                throw new TagNotFoundException(assetId, concept);
            }
            jobs.enqueue(assetId, new Step.Index(), clock.instant());
            events.record(Events.ASSET_TAGS_REVIEWED, assetId, java.util.Map.of("concept", concept, "status", "removed"));
            return null;
        });
    }

    /** What a bulk edit does to each asset. */
    public enum BulkAction { ACCEPT, REJECT, ADD, REMOVE }

    /** One asset's outcome in a bulk edit: {@code changed}, {@code no-tag} (nothing to decide or remove) or {@code not-found}. */
    public record BulkOutcome(String assetId, String outcome) {}

    /** Applies one action to many assets; each asset succeeds or fails on its own, so one gone asset does not undo the rest. */
    public List<BulkOutcome> bulk(List<String> assetIds, String concept, BulkAction action) {
        if (action == BulkAction.ADD && vocabulary.concept(concept).isEmpty()) {
            throw new IllegalArgumentException("'" + abbreviate(concept) + "' is not a concept of the vocabulary");
        }
        List<BulkOutcome> out = new ArrayList<>();
        for (String id : assetIds) {
            out.add(new BulkOutcome(id, applyOne(id, concept, action)));
        }
        return out;
    }

    private String applyOne(String id, String concept, BulkAction action) {
        try {
            switch (action) {
                case ACCEPT -> decide(id, concept, Tag.Status.ACCEPTED);
                case REJECT -> decide(id, concept, Tag.Status.REJECTED);
                case ADD -> add(id, concept);
                case REMOVE -> remove(id, concept);
            }
            return "changed";
        } catch (AssetNotFoundException e) {
            return "not-found";
        } catch (TagNotFoundException e) {
            return "no-tag";
        }
    }

    private static String abbreviate(String s) {
        return s == null ? "" : s.length() > 60 ? s.substring(0, 60) + "…" : s;
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
