package io.vitrine.events;

import java.time.Instant;
import java.util.List;

/**
 * The appended events in order, for the live stream. {@code seq} grows with each append but
 * transactions commit out of order, so a reader that has seen {@code n} may still receive an event
 * with a smaller seq later; readers look back a window and skip what they already saw.
 */
public interface EventLog {
    record Logged(long seq, Event event) {}

    /** Up to {@code limit} events with seq greater than {@code afterSeq}, oldest first. */
    List<Logged> after(long afterSeq, int limit);

    /** The highest seq so far (0 when empty). */
    long lastSeq();

    /** Deletes events older than {@code before}; returns how many went. */
    int prune(Instant before);
}
