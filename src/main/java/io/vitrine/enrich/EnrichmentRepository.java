package io.vitrine.enrich;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Enrichment results in the database. Contract: {@link #replaceDrafts} replaces the drafts a model
 * made on an asset and updates confidences of decided tags without touching their decision; an asset
 * has one tag per concept, so when two models (classifier, CLIP) propose the same concept the more
 * confident proposal is kept with its model;
 * {@link #record} keeps one result per asset and kind (the last). Per-concept thresholds live in
 * their own store ({@link Thresholds.Store}).
 */
public interface EnrichmentRepository {

    /** What a kind was last computed from, by which model version. */
    record Marker(String sourceSha256, String model, String modelVersion) {}

    Optional<Marker> marker(String assetId, String kind);

    /** Stores a result ({@code valueJson}) or a failure ({@code error}) for one kind. */
    void record(String assetId, String kind, Marker marker, String valueJson, String error, Instant at);

    void replaceDrafts(String assetId, String model, List<Tag> tags);

    List<Tag> tags(String assetId);

    /**
     * A person puts a concept on an asset: a new tag (source {@code human}, accepted), or, when the
     * model already proposed it, that tag accepted with its AI provenance kept.
     */
    void addHuman(String assetId, Tag tag);

    /** Removes a tag a person added; false when there is none (AI tags are rejected, not removed). */
    boolean removeHuman(String assetId, String concept);

    /** Live assets with undecided AI tags, newest proposals first, with how many each has. */
    List<Drafts> withDrafts(int limit);

    record Drafts(String assetId, int count) {}

    /** Live assets with an undecided draft of {@code concept} (any model) whose confidence is in [{@code lo}, {@code hi}), by id. */
    List<String> draftsBetween(String concept, double lo, double hi);

    /** Sets a decision; false when the asset has no such tag. */
    boolean decide(String assetId, String concept, Tag.Status status, Instant at);

    /** kind → value JSON and kind → error, for the asset view. */
    Results results(String assetId);

    record Results(java.util.Map<String, String> values, java.util.Map<String, String> errors) {}
}
