package io.vitrine.enrich.process;

import io.vitrine.enrich.LanguageGuess;
import io.vitrine.enrich.TextReader;
import io.vitrine.rendition.process.ProcessRunner;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * OCR with the Tesseract 5 command line (a subprocess with a hard timeout, so a hostile image can
 * only cost its own step). Words Tesseract is unsure of (confidence under {@value #MIN_WORD_CONF})
 * are dropped: on photos they are texture read as letters. A result with fewer than
 * {@value #MIN_CHARS} letters or digits left is no text at all. The language is guessed from the
 * words read, among those the node asks Tesseract for.
 */
public final class TesseractTextReader implements TextReader {
    static final int MIN_WORD_CONF = 60;
    static final int MIN_CHARS = 4;

    private final String command;
    private final List<String> languages;
    private final ProcessRunner runner;
    private final ProcessRunner probe = new ProcessRunner(Duration.ofSeconds(10));
    private volatile Probe probed;

    private record Probe(String version, List<String> languages, String problem) {}

    public TesseractTextReader(String command, List<String> languages, Duration timeout) {
        this.command = command;
        this.languages = List.copyOf(languages);
        this.runner = new ProcessRunner(timeout);
    }

    @Override
    public String model() {
        return "tesseract";
    }

    /** The engine's version and the languages it reads: a change of either re-runs OCR. */
    @Override
    public String modelVersion() {
        Probe p = probe();
        return p.version() + "+" + String.join("+", p.languages());
    }

    @Override
    public Optional<String> unavailable() {
        return Optional.ofNullable(probe().problem());
    }

    /** Languages asked for but not installed, for the capability's reason. */
    public List<String> missingLanguages() {
        List<String> missing = new ArrayList<>(languages);
        missing.removeAll(probe().languages());
        return missing;
    }

    private Probe probe() {
        Probe p = probed;
        if (p == null) {
            p = probeNow();
            probed = p;
        }
        return p;
    }

    private Probe probeNow() {
        try {
            var version = probe.run(List.of(command, "--version"), Path.of("."));
            var langs = probe.run(List.of(command, "--list-langs"), Path.of("."));
            String v = (version.stdout() + "\n" + version.stderr()).lines().filter(l -> l.startsWith("tesseract "))
                    .findFirst().map(l -> l.substring("tesseract ".length()).strip()).orElse("unknown");
            List<String> installed = langs.stdout().lines().map(String::strip).toList();
            List<String> usable = languages.stream().filter(installed::contains).toList();
            return new Probe(v, usable, usable.isEmpty()
                    ? "tesseract has none of the languages " + languages + "; install tesseract-ocr-<lang> packages" : null);
        } catch (Exception e) {
            return new Probe("absent", List.of(), command + " cannot be run (" + e.getMessage()
                    + "); install the tesseract-ocr package (scripts/install-deps)");
        }
    }

    @Override
    public Optional<Result> read(Path image) throws Exception {
        Probe p = probe();
        if (p.problem() != null) {
            throw new IllegalStateException(p.problem());
        }
        var r = runner.run(List.of(command, image.toAbsolutePath().toString(), "stdout", "-l", String.join("+", p.languages()),
                "--psm", "3", "tsv"), image.toAbsolutePath().getParent());
        if (r.exitCode() != 0) {
            throw new IllegalStateException("tesseract failed (exit " + r.exitCode() + "): " + r.reason());
        }
        return parse(r.stdout());
    }

    /** Tesseract's TSV: level-5 rows are words with a confidence 0-100, grouped by block, paragraph and line. */
    static Optional<Result> parse(String tsv) {
        Map<String, List<String>> lines = new LinkedHashMap<>();
        double confSum = 0;
        int words = 0;
        int chars = 0;
        for (String row : tsv.lines().skip(1).toList()) {
            String[] f = row.split("\t", -1);
            if (f.length < 12 || !f[0].equals("5") || f[11].isBlank()) {
                continue;
            }
            double conf = Double.parseDouble(f[10]);
            if (conf < MIN_WORD_CONF) {
                continue;
            }
            lines.computeIfAbsent(f[2] + "." + f[3] + "." + f[4], k -> new ArrayList<>()).add(f[11].strip());
            confSum += conf;
            words++;
            chars += (int) f[11].codePoints().filter(Character::isLetterOrDigit).count();
        }
        if (chars < MIN_CHARS) {
            return Optional.empty();
        }
        String content = String.join("\n", lines.values().stream().map(TesseractTextReader::joinWords).toList());
        return Optional.of(new Result(content, LanguageGuess.of(content), Math.round(confSum / words * 100) / 10_000.0));
    }

    /** Words of a line with spaces, except between two Chinese characters (Tesseract splits those into words). */
    private static String joinWords(List<String> words) {
        StringBuilder out = new StringBuilder();
        for (String w : words) {
            if (!out.isEmpty() && !(isHan(out.codePointBefore(out.length())) && isHan(w.codePointAt(0)))) {
                out.append(' ');
            }
            out.append(w);
        }
        return out.toString();
    }

    private static boolean isHan(int c) {
        return Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN;
    }
}
