package io.vitrine.events;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * What services call to record an event, one line each, inside the transaction of the change:
 * {@code events.record(Events.ASSET_READY, assetId, Map.of("status", "ready"))}.
 */
public final class Events {
    public static final String ASSET_CREATED = "asset.created";
    public static final String ASSET_VERSION_CREATED = "asset.version.created";
    public static final String ASSET_UPDATED = "asset.updated";
    public static final String ASSET_DELETED = "asset.deleted";
    public static final String ASSET_RESTORED = "asset.restored";
    public static final String ASSET_READY = "asset.ready";
    public static final String ASSET_FAILED = "asset.failed";
    public static final String ASSET_QUARANTINED = "asset.quarantined";
    public static final String ASSET_TAGS_REVIEWED = "asset.tags.reviewed";
    /** The AI proposed (new) draft tags: a re-tagging run makes one per asset, coalesced per subscription. */
    public static final String ASSET_TAGGED = "asset.tagged";
    /** The enrichment steps (tags, palette, quality, faces, text, embedding) finished and their findings are indexed. */
    public static final String ASSET_ENRICHED = "asset.enriched";
    /**
     * A few-shot library run of a taught concept finished ({@code data.status} done or failed): the subject is the
     * concept id, not an asset; the assets whose drafts it changed each get {@link #ASSET_TAGGED}.
     */
    public static final String CONCEPT_TAUGHT = "concept.taught";
    /** An asset was put into a collection ({@code data.collection}); recorded once, not when it was already there. */
    public static final String ASSET_COLLECTION_ADDED = "asset.collection.added";
    /** An asset was taken out of a collection ({@code data.collection}). */
    public static final String ASSET_COLLECTION_REMOVED = "asset.collection.removed";
    public static final String LICENCE_ATTACHED = "licence.attached";
    public static final String LICENCE_DETACHED = "licence.detached";

    static final int MAX_TEXT = 1000;

    private final Outbox outbox;
    private final Clock clock;

    public Events(Outbox outbox, Clock clock) {
        this.outbox = outbox;
        this.clock = clock;
    }

    /**
     * Appends an event about {@code subject} to the outbox, in the caller's transaction. Long texts
     * (error reasons) are cut to {@value #MAX_TEXT} characters: an event must never be what makes
     * its change fail.
     */
    public void record(String type, String subject, Map<String, ?> data) {
        Map<String, Object> safe = new LinkedHashMap<>();
        data.forEach((k, v) -> {
            if (v != null) {
                safe.put(k, v instanceof String str && str.length() > MAX_TEXT ? str.substring(0, MAX_TEXT) + "…" : v);
            }
        });
        outbox.append(new Event(UUID.randomUUID().toString(), type, subject, clock.instant().truncatedTo(ChronoUnit.MICROS), safe));
    }

    /** Records nothing: for tools and tests that build a service without the event machinery. */
    public static Events none() {
        return new Events(e -> { }, Clock.systemUTC());
    }
}
