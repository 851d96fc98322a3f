package io.vitrine.enrich.whisper;

import io.vitrine.enrich.Transcriber;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.zip.Deflater;

/**
 * whisper.cpp's segments as a transcript. Times come in 10 ms units and may run past the audio
 * (whisper reads in 30 s windows padded with silence), so they are kept within what was heard and in
 * order. whisper-jni does not expose whisper.cpp's token probabilities, so the confidence is
 * whisper's own test for a failed decode: text whose zlib compression ratio is 2.4 or more is a
 * repetition loop, a known whisper hallucination, and scores 0; text that hardly compresses scores
 * 1, linearly between. It says how much the words look like a loop, not how likely each word is.
 */
final class WhisperSegments {
    /** whisper's {@code compression_ratio_threshold}: at or above it a decode counts as failed. */
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
            double confidence = round(consistency(text), 10_000);
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

    /** 1 for text that does not compress, 0 at whisper's loop threshold and beyond. */
    static double consistency(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        Deflater zlib = new Deflater();
        try {
            zlib.setInput(bytes);
            zlib.finish();
            byte[] out = new byte[bytes.length + 64];
            int compressed = zlib.deflate(out);
            double ratio = bytes.length / (double) Math.max(1, compressed);
            return Math.min(1, Math.max(0, (LOOP_RATIO - ratio) / (LOOP_RATIO - 1)));
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
