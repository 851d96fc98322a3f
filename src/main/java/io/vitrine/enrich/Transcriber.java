package io.vitrine.enrich;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Turns the speech in an audio or video file into text (a transcript). {@link #unavailable} says why
 * it cannot run on this node (recognizer or its model missing), empty when it can. {@link #transcribe}
 * listens to at most {@link #limitSeconds} of the file and returns empty when it heard no words (silence,
 * music, no audio track); it throws with the tool's reason when the file cannot be decoded or the
 * recognizer fails or runs past its time limit. {@link #quality} is the honest grade of what it
 * produces, shown next to every transcript: {@code low} means a machine guess to search by, not a record
 * of what was said.
 */
public interface Transcriber {
    String model();

    String modelVersion();

    /** The language it transcribes (ISO 639-1), or null when it detects the language of each file. */
    String language();

    String quality();

    double limitSeconds();

    Optional<String> unavailable();

    /** What an operator should know about how it runs, e.g. that a better recognizer is off and why; empty when nothing. */
    default Optional<String> note() {
        return Optional.empty();
    }

    Optional<Transcript> transcribe(Path media) throws Exception;

    /**
     * {@code confidence} is the recognizer's own measure (0..1; for pocketsphinx the mean of its word
     * posteriors); {@code seconds} how much audio was listened to; {@code truncated} true when the file
     * is longer and the rest was not heard; {@code language} the language the recognizer heard (ISO
     * 639-1), null to take {@link Transcriber#language()}.
     */
    record Transcript(String content, double confidence, List<Segment> segments, double seconds, boolean truncated, String language) {
        public Transcript {
            segments = List.copyOf(segments);
        }

        /** In the recognizer's one language. */
        public Transcript(String content, double confidence, List<Segment> segments, double seconds, boolean truncated) {
            this(content, confidence, segments, seconds, truncated, null);
        }
    }

    /** One stretch of speech between pauses, with its start and end in seconds from the file's start. */
    record Segment(double start, double end, String text, double confidence) {}
}
