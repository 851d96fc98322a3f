package io.vitrine.rendition.process;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs an external tool from an argument list (never through a shell, so file names cannot inject
 * commands), with stdin closed, a hard timeout, and bounded capture of stdout and stderr so a chatty or
 * hostile tool cannot exhaust memory. Shared by the vips (pdftoppm, vipsthumbnail) and ffmpeg adapters.
 */
public final class ProcessRunner {
    private static final int MAX_CAPTURE = 1 << 20;
    private final Duration timeout;

    public ProcessRunner(Duration timeout) {
        this.timeout = timeout;
    }

    /** What the tool said; {@code stderr} is trimmed to its tail, where tools put the reason. */
    public record Result(int exitCode, String stdout, String stderr) {
        public String reason() {
            String text = stderr.strip();
            return text.length() <= 500 ? text : "…" + text.substring(text.length() - 500);
        }
    }

    public Result run(List<String> command, Path workDir) throws IOException, TimeoutException, InterruptedException {
        Process process = new ProcessBuilder(command).directory(workDir.toFile()).start();
        process.getOutputStream().close();
        var stdout = new Capture(process.getInputStream());
        var stderr = new Capture(process.getErrorStream());
        Thread out = Thread.ofVirtual().name("proc-stdout-" + process.pid()).start(stdout);
        Thread err = Thread.ofVirtual().name("proc-stderr-" + process.pid()).start(stderr);
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new TimeoutException(command.getFirst() + " did not finish within " + timeout.toSeconds() + " s");
            }
            out.join();
            err.join();
            return new Result(process.exitValue(), stdout.text(), stderr.text());
        } finally {
            // Also reached on interrupt or timeout: never leave a tool running behind us.
            process.destroyForcibly();
        }
    }

    /** Drains a stream completely but keeps only the first MAX_CAPTURE bytes. */
    private static final class Capture implements Runnable {
        private final InputStream in;
        private final ByteArrayOutputStream kept = new ByteArrayOutputStream();

        Capture(InputStream in) {
            this.in = in;
        }

        @Override
        public void run() {
            byte[] buffer = new byte[8192];
            try (in) {
                for (int n; (n = in.read(buffer)) >= 0; ) {
                    int room = MAX_CAPTURE - kept.size();
                    kept.write(buffer, 0, Math.max(0, Math.min(room, n)));
                }
            } catch (IOException e) {
                // The process was killed (timeout); what was captured so far is all we need.
            }
        }

        synchronized String text() {
            return kept.toString(StandardCharsets.UTF_8);
        }
    }
}
