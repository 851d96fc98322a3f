package io.vitrine.enrich.process;

import io.vitrine.enrich.Transcriber;
import io.vitrine.rendition.process.ProcessRunner;
import io.vitrine.storage.FileTrees;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Offline English transcripts with CMU pocketsphinx (Debian {@code pocketsphinx} +
 * {@code pocketsphinx-en-us}, 0.8). ffmpeg first decodes the first {@code limit} of the file's first
 * audio stream to 16 kHz mono 16-bit WAV, the only input pocketsphinx's acoustic model takes; ffmpeg
 * runs with {@code -xerror}, so a damaged stream fails the transcript with ffmpeg's reason instead of
 * silently leaving out the damaged passages (the renditions stay lenient). Both tools are
 * subprocesses with hard timeouts and bounded capture. pocketsphinx is weak: on clear synthetic
 * speech about a third of the words come out right, so every transcript is graded {@code low}.
 */
public final class PocketsphinxTranscriber implements Transcriber {
    private static final Pattern DURATION = Pattern.compile("Duration: (\\d+):(\\d\\d):(\\d\\d(?:\\.\\d+)?)");
    private static final long WAV_HEADER = 44;
    private static final int BYTES_PER_SECOND = 16_000 * 2;
    /** Where pocketsphinx-en-us puts the acoustic model, which pocketsphinx_continuous loads by default. */
    static final Path DEBIAN_MODEL = Path.of("/usr/share/pocketsphinx/model/en-us/en-us");

    private final String command;
    private final String ffmpeg;
    private final Duration limit;
    private final ProcessRunner recognizer;
    private final ProcessRunner decoder;
    private final Path workRoot;
    private final Path modelDir;
    private volatile Probe probed;

    private record Probe(String version, String problem) {}

    /**
     * @param limit   how much of a file is listened to (the rest is cut, and the transcript says so)
     * @param timeout how long pocketsphinx (and, separately, ffmpeg) may run on one file
     */
    public PocketsphinxTranscriber(String command, String ffmpeg, Duration limit, Duration timeout, Path workRoot) {
        this.command = command;
        this.ffmpeg = ffmpeg;
        this.limit = limit;
        this.recognizer = new ProcessRunner(timeout);
        this.decoder = new ProcessRunner(timeout);
        this.workRoot = workRoot;
        this.modelDir = DEBIAN_MODEL;
    }

    @Override
    public String model() {
        return "pocketsphinx";
    }

    /** The engine's package version and its model: a change of either re-runs transcripts. */
    @Override
    public String modelVersion() {
        return probe().version() + "-en-us";
    }

    @Override
    public String language() {
        return "en";
    }

    @Override
    public String quality() {
        return "low";
    }

    @Override
    public double limitSeconds() {
        return limit.toMillis() / 1000.0;
    }

    @Override
    public Optional<String> unavailable() {
        return Optional.ofNullable(probe().problem());
    }

    private Probe probe() {
        Probe p = probed;
        if (p == null) {
            p = probeNow();
            probed = p;
        }
        return p;
    }

    /**
     * Without starting the recognizer (it loads its model for every run, and a hung one must not
     * hang the capability list): the command must be an executable file, on the PATH or by path, and
     * the en-us model where Debian's pocketsphinx looks for it by default. The version is the Debian
     * package's (pocketsphinx 0.8 prints none).
     */
    private Probe probeNow() {
        Optional<Path> exe = Executables.find(command);
        if (exe.isEmpty()) {
            return new Probe("absent", command + " not found; install the pocketsphinx and pocketsphinx-en-us packages "
                    + "(scripts/install-deps)");
        }
        if (!Files.isDirectory(modelDir)) {
            return new Probe("absent", "the en-us speech model is missing (" + modelDir + "); install the pocketsphinx-en-us package");
        }
        return new Probe(Executables.debianVersion("pocketsphinx").orElse("0.8"), null);
    }

    @Override
    public Optional<Transcript> transcribe(Path media) throws Exception {
        Probe p = probe();
        if (p.problem() != null) {
            throw new IllegalStateException(p.problem());
        }
        Files.createDirectories(workRoot);
        Path work = Files.createTempDirectory(workRoot, "transcribe-");
        try {
            Path wav = work.resolve("speech.wav");
            Optional<Double> fileSeconds = decode(media, wav, work);
            if (fileSeconds.isEmpty()) {
                return Optional.empty();
            }
            double heard = Math.max(0, Files.size(wav) - WAV_HEADER) / (double) BYTES_PER_SECOND;
            var r = recognizer.run(List.of(command, "-infile", wav.toString(), "-time", "yes", "-logfn", "/dev/null"), work);
            if (r.exitCode() != 0) {
                throw new IllegalStateException("pocketsphinx failed (exit " + r.exitCode() + "): " + r.reason());
            }
            boolean truncated = fileSeconds.get() > limitSeconds() + 0.05 || (fileSeconds.get() == 0 && heard >= limitSeconds() - 0.05);
            return PocketsphinxOutput.parse(r.stdout(), round(heard), truncated);
        } finally {
            FileTrees.delete(work);
        }
    }

    /**
     * Decodes the first audio stream to the recognizer's format; returns the file's own duration in
     * seconds (0 when ffmpeg does not know it), or empty when the file has no audio stream.
     */
    private Optional<Double> decode(Path media, Path wav, Path work) throws Exception {
        var r = decoder.run(List.of(ffmpeg, "-nostdin", "-hide_banner", "-nostats", "-xerror", "-y", "-threads", "1",
                "-i", media.toAbsolutePath().toString(), "-map", "0:a:0", "-t", String.format(Locale.ROOT, "%.3f", limitSeconds()),
                "-vn", "-ac", "1", "-ar", "16000", "-sample_fmt", "s16", "-f", "wav", wav.toString()), work);
        if (r.exitCode() != 0) {
            if (r.stderr().contains("matches no streams")) {
                return Optional.empty();
            }
            throw new IllegalStateException("cannot decode the audio: " + lastLines(r.stderr()));
        }
        Matcher m = DURATION.matcher(r.stderr());
        return Optional.of(m.find()
                ? Integer.parseInt(m.group(1)) * 3600 + Integer.parseInt(m.group(2)) * 60 + Double.parseDouble(m.group(3)) : 0.0);
    }

    /** ffmpeg at its default log level says what it read first; the reason for failing is at the end. */
    private static String lastLines(String stderr) {
        List<String> lines = stderr.strip().lines().filter(l -> !l.isBlank()).toList();
        String tail = String.join("; ", lines.subList(Math.max(0, lines.size() - 2), lines.size()));
        return tail.length() <= 300 ? tail : "…" + tail.substring(tail.length() - 300);
    }

    private static double round(double seconds) {
        return Math.round(seconds * 100) / 100.0;
    }
}
