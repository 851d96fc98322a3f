package io.vitrine.rendition.vips;

import io.vitrine.rendition.process.ProcessRunner;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

/**
 * Our in-process 256 px thumbnailer ({@code thumb@v1}: decode with shrink-on-load, sRGB, strip, JPEG)
 * against the {@code vipsthumbnail} CLI (one process per file) on the same files and the same number of
 * worker threads, after a warm-up of both. Prints images per second and the ratio ours / CLI.
 */
public final class ThumbnailBenchmark {
    private static final Duration CLI_TIMEOUT = Duration.ofMinutes(2);
    private final VipsImageRenderer renderer;
    private final ProcessRunner runner = new ProcessRunner(CLI_TIMEOUT);

    public ThumbnailBenchmark(Vips vips) {
        this.renderer = new VipsImageRenderer(vips);
    }

    /** Throughput of both, and how many files each could not thumbnail. */
    public record Report(int images, int threads, double oursPerSecond, double cliPerSecond, int oursFailed, int cliFailed) {
        public double ratio() {
            return oursPerSecond / cliPerSecond;
        }
    }

    private interface Task {
        boolean thumbnail(Path file, Path workDir) throws Exception;
    }

    public Report run(List<Path> files, int threads, PrintStream out) throws IOException, InterruptedException {
        Path work = Files.createTempDirectory("vitrine-thumb-bench");
        try {
            List<Path> warmUp = files.subList(0, Math.min(files.size(), Math.max(4, 2 * threads)));
            Task ours = (file, dir) -> renderer.thumbnail(file, dir) != null;
            Task cli = this::vipsthumbnail;
            time(warmUp, threads, ours, work);
            time(warmUp, threads, cli, work);
            Timing oursTiming = time(files, threads, ours, work);
            Timing cliTiming = time(files, threads, cli, work);
            Report report = new Report(files.size(), threads, oursTiming.perSecond(), cliTiming.perSecond(),
                    oursTiming.failed(), cliTiming.failed());
            print(report, out);
            return report;
        } finally {
            deleteTree(work);
        }
    }

    private boolean vipsthumbnail(Path file, Path dir) throws Exception {
        Path output = dir.toAbsolutePath().resolve("cli.jpg");
        var result = runner.run(List.of("vipsthumbnail", file.toAbsolutePath().toString(), "-s", "256",
                "-o", output.toString()), dir);
        return result.exitCode() == 0 && Files.exists(output);
    }

    private record Timing(int images, long nanos, int failed) {
        double perSecond() {
            return images / (nanos / 1e9);
        }
    }

    private Timing time(List<Path> files, int threads, Task task, Path work) throws IOException, InterruptedException {
        List<Path> dirs = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            dirs.add(Files.createDirectories(work.resolve(Integer.toString(i))));
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads, Thread.ofPlatform().name("thumb-bench-", 0).factory());
        long start = System.nanoTime();
        List<Future<Boolean>> results = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            Path file = files.get(i);
            Path dir = dirs.get(i);
            results.add(pool.submit(() -> succeeds(task, file, dir)));
        }
        int failed = 0;
        for (Future<Boolean> result : results) {
            failed += joinQuietly(result) ? 0 : 1;
        }
        long nanos = System.nanoTime() - start;
        pool.shutdown();
        return new Timing(files.size(), nanos, failed);
    }

    private static boolean succeeds(Task task, Path file, Path dir) {
        try {
            return task.thumbnail(file, dir);
        } catch (Exception e) {
            return false; // counted as a failure; the benchmark measures throughput, not diagnoses files
        }
    }

    private static boolean joinQuietly(Future<Boolean> result) throws InterruptedException {
        try {
            return result.get();
        } catch (java.util.concurrent.ExecutionException e) {
            return false;
        }
    }

    private static void print(Report r, PrintStream out) {
        out.printf(Locale.ROOT, "thumbnails 256 px, %d images, %d threads%n", r.images(), r.threads());
        out.printf(Locale.ROOT, "  ours (in-process libvips): %7.1f images/s  (%d failed)%n", r.oursPerSecond(), r.oursFailed());
        out.printf(Locale.ROOT, "  vipsthumbnail CLI:         %7.1f images/s  (%d failed)%n", r.cliPerSecond(), r.cliFailed());
        out.printf(Locale.ROOT, "  ratio ours/CLI:            %7.2f×%n", r.ratio());
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> tree = Files.walk(root)) {
            for (Path p : tree.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
