package io.vitrine.enrich;

import java.util.List;

/**
 * What a transcript run found besides its words: the recognizer's grade ({@code low}: a machine guess
 * to search by, never a record of what was said), how many words, how many seconds were listened to,
 * whether the file was longer than the limit and cut, and the segments with their times.
 */
public record TranscriptDetails(String quality, int words, Double seconds, boolean truncated, double limitSeconds,
        List<Transcriber.Segment> segments) {
    public TranscriptDetails {
        segments = segments == null ? List.of() : List.copyOf(segments);
    }
}
