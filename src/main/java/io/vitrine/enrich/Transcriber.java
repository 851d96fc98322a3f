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

    String language();

    String quality();

    double limitSeconds();

    Optional<String> unavailable();

    Optional<Transcript> transcribe(Path media) throws Exception;

    /**
     * {@code confidence} is the mean of the recognizer's word posteriors (0..1); {@code seconds} how much
     * audio was listened to; {@code truncated} true when the file is longer and the rest was not heard.
     */
    record Transcript(String content, double confidence, List<Segment> segments, double seconds, boolean truncated) {
        public Transcript {
            segments = List.copyOf(segments);
        }
    }

    /** One stretch of speech between pauses, with its start and end in seconds from the file's start. */
    record Segment(double start, double end, String text, double confidence) {}
}
