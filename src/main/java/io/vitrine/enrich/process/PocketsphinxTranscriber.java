package io.vitrine.enrich.process;

import io.vitrine.enrich.Transcriber;
import io.vitrine.rendition.process.ProcessRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Offline English transcripts with CMU pocketsphinx (Debian {@code pocketsphinx} +
 * {@code pocketsphinx-en-us}, 0.8), the offline fallback when no whisper model is installed.
 * {@link AudioDecoder} first decodes the first {@code limit} of the file to 16 kHz mono 16-bit WAV,
 * the only input pocketsphinx's acoustic model takes. Both tools are subprocesses with hard timeouts
 * and bounded capture. pocketsphinx is weak: on clear synthetic
 * speech about a third of the words come out right, so every transcript is graded {@code low}.
 */
public final class PocketsphinxTranscriber implements Transcriber {
    /** Where pocketsphinx-en-us puts the acoustic model, which pocketsphinx_continuous loads by default. */
    static final Path DEBIAN_MODEL = Path.of("/usr/share/pocketsphinx/model/en-us/en-us");

    private final String command;
    private final ProcessRunner recognizer;
    private final AudioDecoder decoder;
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
        this.recognizer = new ProcessRunner(timeout);
        this.decoder = new AudioDecoder(ffmpeg, limit, timeout);
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
        return decoder.limitSeconds();
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
        return decoder.listen(media, AudioDecoder.Format.WAV_S16, workRoot, (wav, fileSeconds, work) -> {
            double heard = AudioDecoder.Format.WAV_S16.seconds(Files.size(wav));
            var r = recognizer.run(List.of(command, "-infile", wav.toString(), "-time", "yes", "-logfn", "/dev/null"), work);
            if (r.exitCode() != 0) {
                throw new IllegalStateException("pocketsphinx failed (exit " + r.exitCode() + "): " + r.reason());
            }
            return PocketsphinxOutput.parse(r.stdout(), round(heard), decoder.truncated(fileSeconds, heard));
        });
    }

    private static double round(double seconds) {
        return Math.round(seconds * 100) / 100.0;
    }
}
