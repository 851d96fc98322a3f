package io.vitrine.enrich.whisper;

import io.vitrine.enrich.Transcriber;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * whisper.cpp's segments as a transcript. Times come in 10 ms units and may run past the audio
 * (whisper reads in 30 s windows padded with silence), so they are kept within what was heard and in
 * order. A segment's confidence is the mean probability whisper gave its text tokens, except that a
 * segment whisper's own test calls a failed decode — text whose zlib compression ratio is above 2.4,
 * a repetition loop — scores 0: whisper is often sure of its loops (token probabilities near 1), and
 * it keeps the best of its failed attempts when every fallback temperature fails. The transcript's
 * confidence is the mean over segments weighted by their words.
 */
final class WhisperSegments {
    /** whisper's {@code compression_ratio_threshold}: above it a decode counts as failed. */
    static final double LOOP_RATIO = 2.4;

    private WhisperSegments() {}

    static Optional<Transcriber.Transcript> transcript(WhisperModel.Heard heard, double seconds, boolean truncated) {
        List<Transcriber.Segment> segments = new ArrayList<>();
        double previousStart = 0;
        int words = 0;
        double weighted = 0;
        for (WhisperModel.RawSegment raw : heard.segments()) {
            String text = raw.text() == null ? "" : raw.text().strip().replaceAll("\\s+", " ");
            if (text.isEmpty()) {
                continue;
            }
            double start = Math.max(previousStart, within(raw.t0() / 100.0, seconds));
            double end = Math.max(start, within(raw.t1() / 100.0, seconds));
            double confidence = loop(text) ? 0 : round(Math.min(1, Math.max(0, raw.probability())), 10_000);
            int n = text.split(" ").length;
            words += n;
            weighted += confidence * n;
            segments.add(new Transcriber.Segment(round(start, 100), round(end, 100), text, confidence));
            previousStart = start;
        }
        if (segments.isEmpty()) {
            return Optional.empty();
        }
        String content = String.join("\n", segments.stream().map(Transcriber.Segment::text).toList());
        return Optional.of(new Transcriber.Transcript(content, round(weighted / words, 10_000), segments, round(seconds, 100), truncated,
                heard.language()));
    }

    /** Whether the text compresses like a repetition loop (whisper's test on a decoded window). */
    static boolean loop(String text) {
        byte[] bytes = text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        java.util.zip.Deflater zlib = new java.util.zip.Deflater();
        try {
            zlib.setInput(bytes);
            zlib.finish();
            int compressed = zlib.deflate(new byte[bytes.length + 64]);
            return bytes.length / (double) Math.max(1, compressed) > LOOP_RATIO;
        } finally {
            zlib.end();
        }
    }

    private static double within(double t, double seconds) {
        return Math.min(Math.max(0, t), seconds);
    }

    private static double round(double v, int scale) {
        return Math.round(v * scale) / (double) scale;
    }
}
