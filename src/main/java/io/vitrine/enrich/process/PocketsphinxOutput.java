package io.vitrine.enrich.process;

import io.vitrine.enrich.Transcriber;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads {@code pocketsphinx_continuous -time yes} output: per utterance a line with the hypothesis,
 * then one line per token, {@code word start end posterior}, start and end in seconds from the file's
 * start, between {@code <s>} and {@code </s>}. Fillers ({@code <sil>}, {@code [NOISE]},
 * {@code [SPEECH]}, {@code ++…++}) are not words; {@code word(2)} is the dictionary's second
 * pronunciation of {@code word}. Each utterance with words becomes a segment.
 */
final class PocketsphinxOutput {
    private PocketsphinxOutput() {}

    private record Word(String text, double start, double end, double posterior) {}

    static Optional<Transcriber.Transcript> parse(String stdout, double seconds, boolean truncated) {
        List<Transcriber.Segment> segments = new ArrayList<>();
        List<Word> utterance = new ArrayList<>();
        double posteriors = 0;
        int words = 0;
        for (String line : stdout.lines().toList()) {
            String[] f = line.strip().split("\\s+");
            if (f.length != 4 || !numeric(f[1]) || !numeric(f[2]) || !numeric(f[3])) {
                continue; // the hypothesis line, or anything else the tool prints
            }
            if (f[0].equals("</s>")) {
                close(utterance, segments);
                continue;
            }
            if (!isWord(f[0])) {
                continue;
            }
            double posterior = Math.min(1, Math.max(0, Double.parseDouble(f[3])));
            utterance.add(new Word(f[0].replaceFirst("\\(\\d+\\)$", "").toLowerCase(java.util.Locale.ROOT),
                    Double.parseDouble(f[1]), Double.parseDouble(f[2]), posterior));
            posteriors += posterior;
            words++;
        }
        close(utterance, segments);
        if (words == 0) {
            return Optional.empty();
        }
        String content = String.join("\n", segments.stream().map(Transcriber.Segment::text).toList());
        return Optional.of(new Transcriber.Transcript(content, round(posteriors / words, 10_000), segments, seconds, truncated));
    }

    private static void close(List<Word> utterance, List<Transcriber.Segment> segments) {
        if (utterance.isEmpty()) {
            return;
        }
        String text = String.join(" ", utterance.stream().map(Word::text).toList());
        double confidence = utterance.stream().mapToDouble(Word::posterior).average().orElse(0);
        segments.add(new Transcriber.Segment(round(utterance.getFirst().start(), 100), round(utterance.getLast().end(), 100), text,
                round(confidence, 10_000)));
        utterance.clear();
    }

    static boolean isWord(String token) {
        return !token.startsWith("<") && !token.startsWith("[") && !token.startsWith("++") && token.chars().anyMatch(Character::isLetter);
    }

    private static boolean numeric(String s) {
        return s.matches("-?\\d+(\\.\\d+)?");
    }

    private static double round(double v, int scale) {
        return Math.round(v * scale) / (double) scale;
    }
}
