package io.vitrine.rendition.ffmpeg;

import io.vitrine.rendition.RenditionException;
import io.vitrine.rendition.process.ProcessRunner;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeoutException;

/**
 * Runs ffmpeg and ffprobe from argument lists: no stdin, quiet logging (so stderr holds the reason),
 * a bounded number of threads, and the runner's timeout. Input paths are absolute so that a file name
 * can never pass for an option.
 */
final class Ffmpeg {
    private final ProcessRunner runner;
    private final int threads;

    Ffmpeg(ProcessRunner runner, int threads) {
        this.runner = runner;
        this.threads = threads;
    }

    /** Runs {@code ffmpeg -nostdin -v error -y -threads N <args>} and fails with ffmpeg's own reason. */
    void run(List<String> args, Path workDir, String what) throws RenditionException {
        List<String> command = new ArrayList<>(List.of("ffmpeg", "-nostdin", "-hide_banner", "-v", "error", "-y",
                "-threads", Integer.toString(threads)));
        command.addAll(args);
        ProcessRunner.Result result = execute(command, workDir, what);
        if (result.exitCode() != 0) {
            throw new RenditionException("cannot " + what + ": " + orDefault(result.reason(), "ffmpeg exit " + result.exitCode()));
        }
    }

    String probe(List<String> args, Path workDir) throws RenditionException {
        List<String> command = new ArrayList<>(List.of("ffprobe", "-v", "error"));
        command.addAll(args);
        ProcessRunner.Result result = execute(command, workDir, "read media information");
        if (result.exitCode() != 0) {
            throw new RenditionException("not a readable audio or video file: " + orDefault(result.reason(), "ffprobe exit " + result.exitCode()));
        }
        return result.stdout();
    }

    private ProcessRunner.Result execute(List<String> command, Path workDir, String what) throws RenditionException {
        try {
            return runner.run(command, workDir);
        } catch (IOException e) {
            throw new RenditionException("cannot " + what + ": " + e.getMessage(), e);
        } catch (TimeoutException e) {
            throw new RenditionException("cannot " + what + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RenditionException("interrupted while trying to " + what, e);
        }
    }

    private static String orDefault(String text, String fallback) {
        return text.isBlank() ? fallback : text;
    }
}
