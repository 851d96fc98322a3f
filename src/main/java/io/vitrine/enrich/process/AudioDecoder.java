package io.vitrine.enrich.process;

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
 * The audio every recognizer listens to: ffmpeg decodes the first {@code limit} of a file's first
 * audio stream to 16 kHz mono, as 16-bit WAV (pocketsphinx) or raw little-endian float (whisper.cpp).
 * ffmpeg runs with {@code -xerror}, so a damaged stream fails the transcript with ffmpeg's reason
 * instead of silently leaving out the damaged passages (the renditions stay lenient), as a
 * subprocess with a hard timeout and bounded capture.
 */
public final class AudioDecoder {
    public static final int SAMPLE_RATE = 16_000;
    private static final Pattern DURATION = Pattern.compile("Duration: (\\d+):(\\d\\d):(\\d\\d(?:\\.\\d+)?)");

    /** What the recognizer reads, and how many bytes one second of it takes after its header. */
    public enum Format {
        WAV_S16(List.of("-sample_fmt", "s16", "-f", "wav"), 2, 44),
        RAW_F32(List.of("-c:a", "pcm_f32le", "-f", "f32le"), 4, 0);

        private final List<String> args;
        final int bytesPerSample;
        final long header;

        Format(List<String> args, int bytesPerSample, long header) {
            this.args = args;
            this.bytesPerSample = bytesPerSample;
            this.header = header;
        }

        /** Seconds of audio in a decoded file of {@code bytes} bytes. */
        public double seconds(long bytes) {
            return Math.max(0, bytes - header) / (double) (SAMPLE_RATE * bytesPerSample);
        }
    }

    private final String ffmpeg;
    private final Duration limit;
    private final ProcessRunner runner;

    /**
     * @param limit   how much of a file is listened to (the rest is cut, and the transcript says so)
     * @param timeout how long ffmpeg may run on one file
     */
    public AudioDecoder(String ffmpeg, Duration limit, Duration timeout) {
        this.ffmpeg = ffmpeg;
        this.limit = limit;
        this.runner = new ProcessRunner(timeout);
    }

    public double limitSeconds() {
        return limit.toMillis() / 1000.0;
    }

    /** What a recognizer does with the decoded audio, in a work folder of its own that is deleted afterwards. */
    @FunctionalInterface
    public interface Listener<T> {
        /** {@code fileSeconds}: the file's own duration (0 when ffmpeg does not know it). */
        Optional<T> heard(Path audio, double fileSeconds, Path work) throws Exception;
    }

    /**
     * Decodes the file's audio into a fresh folder under {@code workRoot} and hands it to {@code listener};
     * empty, without calling it, when the file has no audio stream. The folder is deleted either way.
     */
    public <T> Optional<T> listen(Path media, Format format, Path workRoot, Listener<T> listener) throws Exception {
        Files.createDirectories(workRoot);
        Path work = Files.createTempDirectory(workRoot, "transcribe-");
        try {
            Path audio = work.resolve(format == Format.WAV_S16 ? "speech.wav" : "speech.f32");
            Optional<Double> fileSeconds = decode(media, audio, format, work);
            return fileSeconds.isEmpty() ? Optional.empty() : listener.heard(audio, fileSeconds.get(), work);
        } finally {
            FileTrees.delete(work);
        }
    }

    /**
     * Decodes into {@code out}; returns the file's own duration in seconds (0 when ffmpeg does not
     * know it), or empty when the file has no audio stream.
     */
    private Optional<Double> decode(Path media, Path out, Format format, Path work) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of(ffmpeg, "-nostdin", "-hide_banner", "-nostats", "-xerror", "-y",
                "-threads", "1", "-i", media.toAbsolutePath().toString(), "-map", "0:a:0", "-t",
                String.format(Locale.ROOT, "%.3f", limitSeconds()), "-vn", "-ac", "1", "-ar", Integer.toString(SAMPLE_RATE)));
        command.addAll(format.args);
        command.add(out.toString());
        var r = runner.run(command, work);
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

    /**
     * Whether the file goes on past what was heard: longer than the limit, or of unknown length
     * (a stream) and heard up to the limit.
     */
    public boolean truncated(double fileSeconds, double heard) {
        return fileSeconds > limitSeconds() + 0.05 || (fileSeconds == 0 && heard >= limitSeconds() - 0.05);
    }

    /** ffmpeg at its default log level says what it read first; the reason for failing is at the end. */
    private static String lastLines(String stderr) {
        List<String> lines = stderr.strip().lines().filter(l -> !l.isBlank()).toList();
        String tail = String.join("; ", lines.subList(Math.max(0, lines.size() - 2), lines.size()));
        return tail.length() <= 300 ? tail : "…" + tail.substring(tail.length() - 300);
    }
}
