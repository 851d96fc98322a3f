package io.vitrine.concept;

import io.vitrine.enrich.Vocabulary;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * People's concepts, synonyms and few-shot prototypes in the database. Contract: {@link #load}
 * returns exactly what {@link #create}, {@link #update}, {@link #replaceSynonyms} and {@link #delete}
 * left; {@link #teach} numbers a concept's prototypes 1, 2, 3… (never reusing a number, even when
 * people teach a concept that has a prototype at the same moment); few-shot drafts ({@code model = few-shot}) never overwrite a tag that another
 * model proposed or a person decided, and dropping stale ones removes only few-shot drafts.
 */
public interface ConceptRepository {
    String FEW_SHOT = "few-shot";

    /** User concepts (with their labels) and synonyms on any concept. */
    Vocabulary.Additions load();

    void create(Vocabulary.Concept concept, String by, Instant at);

    /** Sets a user concept's broader concept and labels. */
    void update(String id, String broader, Map<String, String> labels, Instant at);

    /** Replaces the synonyms of any concept (shipped or user). */
    void replaceSynonyms(String concept, Map<String, List<String>> synonyms);

    /** Removes a user concept, its words and its prototype; false when there is none. */
    boolean delete(String id);

    /** Assets carrying a tag (any status) of the concept. */
    long taggedAssets(String concept);

    /** Live assets tagged with any of {@code concepts}, ordered by id, after {@code after}. */
    List<String> assetsTaggedWith(Set<String> concepts, String after, int limit);

    Optional<Prototype> prototype(String concept);

    /** The status of each of {@code concepts} that has a prototype (one query for a page of concepts). */
    java.util.Map<String, Prototype.Status> prototypeStatuses(Set<String> concepts);

    /** Every prototype in an embedding space (scored against newly embedded assets). */
    List<Prototype> prototypes(String space);

    /** Stores a new prototype for the concept under the next version, status {@code queued}; returns it. */
    Prototype teach(Prototype taught);

    /** Records the state of a version's library run; ignored when a newer version was taught meanwhile. */
    void progress(String concept, int version, Prototype.Status status, int tagged, String error, Instant at);

    /**
     * Proposes one page of a library run: each asset of {@code confidences} (asset → confidence) gets or
     * keeps the concept's few-shot draft for {@code version}, marked as proposed {@code at}; assets where the
     * concept carries another model's or a person's tag are left alone. Returns the assets whose tags changed.
     */
    Set<String> proposeFewShotDrafts(String concept, int version, Map<String, Double> confidences, Instant at);

    /**
     * Deletes up to {@code limit} of the concept's few-shot drafts that the run started {@code at} did not
     * propose (another version's, or proposed before {@code at}); returns their assets. Decided tags stay.
     */
    Set<String> dropStaleFewShotDrafts(String concept, int version, Instant at, int limit);

    /** One asset's few-shot draft (ingest path); false when another tag of the concept is already there. */
    boolean proposeFewShot(String assetId, String concept, int version, double confidence, Instant at);

    /** How many assets carry the concept from the few-shot version (any status). */
    int fewShotTagged(String concept, int version);
}
