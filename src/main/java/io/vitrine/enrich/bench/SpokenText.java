package io.vitrine.enrich.bench;

import io.vitrine.rendition.process.ProcessRunner;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeoutException;

/**
 * Speech with known words, for transcript accuracy: English sentences spoken by espeak-ng (Debian
 * {@code espeak-ng}, a test dependency) with its Klatt voice, which pocketsphinx recognizes about twice
 * as well as the default voice. {@link #wordAccuracy} is 1 − word error rate (word-level Levenshtein
 * distance over the expected word count), floored at 0, case and punctuation ignored.
 */
public final class SpokenText {
    public static final String VOICE = "en-us+klatt2";
    public static final int WORDS_PER_MINUTE = 160;

    public record Sample(Path wav, String text) {}

    public static final List<String> SENTENCES = List.of(
            "the quick brown fox jumps over the lazy dog",
            "one two three four five six seven eight nine ten",
            "our new coffee tastes great and costs less than ever before");

    private SpokenText() {}

    /** Every sentence as its own WAV file (espeak-ng's 22 kHz mono). */
    public static List<Sample> generate(Path dir) throws IOException, InterruptedException, TimeoutException {
        List<Sample> out = new java.util.ArrayList<>();
        for (int i = 0; i < SENTENCES.size(); i++) {
            Path wav = dir.resolve(String.format(Locale.ROOT, "speech-%02d.wav", i));
            speak(SENTENCES.get(i), wav);
            out.add(new Sample(wav, SENTENCES.get(i)));
        }
        return out;
    }

    /** Speaks the text into a WAV file; throws with espeak-ng's reason, or when it is not installed. */
    public static Path speak(String text, Path wav) throws IOException, InterruptedException, TimeoutException {
        var r = new ProcessRunner(Duration.ofSeconds(60)).run(List.of("espeak-ng", "-v", VOICE, "-s", Integer.toString(WORDS_PER_MINUTE),
                "-w", wav.toAbsolutePath().toString(), text), wav.toAbsolutePath().getParent());
        if (r.exitCode() != 0) {
            throw new IOException("espeak-ng failed (exit " + r.exitCode() + "): " + r.reason());
        }
        return wav;
    }

    public static boolean available() {
        try {
            return new ProcessRunner(Duration.ofSeconds(10)).run(List.of("espeak-ng", "--version"), Path.of(".")).exitCode() == 0;
        } catch (Exception e) {
            return false;
        }
    }

    public static List<String> words(String text) {
        String clean = text == null ? "" : text.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}' ]+", " ").strip();
        return clean.isEmpty() ? List.of() : List.of(clean.split("\\s+"));
    }

    public static double wordAccuracy(String expected, String actual) {
        List<String> e = words(expected);
        List<String> a = words(actual);
        if (e.isEmpty()) {
            return a.isEmpty() ? 1 : 0;
        }
        int[] prev = new int[a.size() + 1];
        int[] cur = new int[a.size() + 1];
        for (int j = 0; j <= a.size(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= e.size(); i++) {
            cur[0] = i;
            for (int j = 1; j <= a.size(); j++) {
                int sub = prev[j - 1] + (e.get(i - 1).equals(a.get(j - 1)) ? 0 : 1);
                cur[j] = Math.min(sub, Math.min(prev[j] + 1, cur[j - 1] + 1));
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return Math.max(0, 1 - (double) prev[a.size()] / e.size());
    }
}
