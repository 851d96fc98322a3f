package io.vitrine.cli;

import io.vitrine.storage.FileTrees;
import io.vitrine.Vitrine;
import io.vitrine.config.ConfigLoader;
import io.vitrine.ingest.DuplicatePolicy;
import io.vitrine.ingest.FolderImport;
import io.vitrine.rendition.vips.ThumbnailBenchmark;
import io.vitrine.rendition.vips.Vips;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Benchmarks that print figures and ratios against a reference measured in the same run. */
@Command(name = "bench", description = "Measure ingest throughput, thumbnailing vs vipsthumbnail, and upload memory.",
        subcommands = {BenchCommand.Ingest.class, BenchCommand.Thumbnails.class, BenchCommand.Upload.class, BenchCommand.Search.class,
            BenchEnrich.class, BenchFacesOcr.class, BenchTranscripts.class, BenchDuplicates.class})
final class BenchCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    static final Path DEFAULT_PHOTOS = Path.of("../shared/corpus/photos");

    static List<Path> images(Path dir) throws IOException {
        try (var files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile)
                    .filter(p -> p.getFileName().toString().toLowerCase(Locale.ROOT).matches(".*\\.(jpe?g|png|webp|tiff?)$"))
                    .sorted().toList();
        }
    }

    @Command(name = "thumbnails", description = "Our in-process 256 px thumbnails vs the vipsthumbnail CLI on the same files.")
    static final class Thumbnails implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Parameters(arity = "0..1", paramLabel = "DIR", description = "photos (default: ../shared/corpus/photos)")
        Path dir = DEFAULT_PHOTOS;

        @Option(names = "--threads", description = "parallel threads (default: cores)")
        int threads = Runtime.getRuntime().availableProcessors();

        @Override
        public Integer call() throws Exception {
            PrintStream out = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), true, StandardCharsets.UTF_8);
            new ThumbnailBenchmark(Vips.load()).run(images(dir), threads, out);
            return 0;
        }
    }

    @Command(name = "ingest", description = "Whole pipeline (hash, store, metadata, renditions, index) on a folder of photos, in a throwaway data folder.")
    static final class Ingest implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Parameters(arity = "0..1", paramLabel = "DIR", description = "photos (default: ../shared/corpus/photos)")
        Path dir = DEFAULT_PHOTOS;

        @Override
        public Integer call() throws Exception {
            PrintWriter out = spec.commandLine().getOut();
            List<Path> files = images(dir);
            Path data = Files.createTempDirectory("vitrine-bench-ingest");
            Map<String, String> env = new HashMap<>(System.getenv());
            env.put("VITRINE_DATA", data.toString());
            env.remove("VITRINE_DB_URL");
            env.put("VITRINE_ADMIN_TOKEN", "bench");
            long started = System.nanoTime();
            try (Vitrine vitrine = new Vitrine(ConfigLoader.load(env)).startWorkers()) {
                FolderImport imp = vitrine.folderImport();
                imp.run(dir, files, Runtime.getRuntime().availableProcessors(), DuplicatePolicy.ALLOW, r -> {});
                while (vitrine.jobs().due(Instant.now()) > 0) {
                    Thread.sleep(Duration.ofMillis(50));
                }
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            FileTrees.delete(data);
            double pipeline = files.size() / seconds;
            double renderOnly = renderOnly(files);
            out.printf("ingest through the whole pipeline: %d images in %.2f s = %.2f images/s%n", files.size(), seconds, pipeline);
            out.printf("reference, renditions alone (same files, same renderer, %d threads): %.2f images/s%n",
                    Runtime.getRuntime().availableProcessors(), renderOnly);
            out.printf("ratio pipeline/renditions-alone: %.2f× (the rest is hashing, storage, metadata, database, index)%n", pipeline / renderOnly);
            out.flush();
            return 0;
        }
    }

    /** Images/s of the image renderer alone over {@code files}, as many threads as cores. */
    static double renderOnly(List<Path> files) throws Exception {
        io.vitrine.rendition.Renderer renderer = new io.vitrine.rendition.vips.VipsImageRenderer(Vips.load());
        Path work = Files.createTempDirectory("vitrine-bench-render");
        java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger();
        int threads = Runtime.getRuntime().availableProcessors();
        long started = System.nanoTime();
        List<Thread> pool = new java.util.ArrayList<>();
        for (int t = 0; t < threads; t++) {
            pool.add(Thread.ofPlatform().name("vitrine-bench-render-" + t).start(() -> {
                for (int i; (i = next.getAndIncrement()) < files.size(); ) {
                    try {
                        Path out = Files.createTempDirectory(work, "r");
                        renderer.render(files.get(i), "image/" + (files.get(i).toString().endsWith("png") ? "png" : "jpeg"), out);
                    } catch (Exception e) {
                        // a file the renderer refuses counts as done: the pipeline run refused it too
                    }
                }
            }));
        }
        for (Thread t : pool) {
            t.join();
        }
        double rate = files.size() / ((System.nanoTime() - started) / 1e9);
        FileTrees.delete(work);
        return rate;
    }


    @Command(name = "search", description = "Index a synthetic library of N assets and measure build rate, size and query latency.")
    static final class Search implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--assets", description = "library size (default: ${DEFAULT-VALUE})", defaultValue = "1000000")
        long assets;

        @Option(names = "--dimensions", description = "embedding size per asset, 0 for none (default: ${DEFAULT-VALUE})", defaultValue = "512")
        int dimensions;

        @Option(names = "--index", description = "keep the built index in this directory and, when it already holds"
                + " one of the same size and dimensions, measure it again without rebuilding")
        Path keep;

        @Option(names = "--only", split = ",", description = "measure only these shapes, by a word of their name"
                + " (keyword, filters, browse, vector, hybrid, recall), e.g. --only hybrid,vector")
        java.util.List<String> only;

        @Option(names = "--search-threads", description = "threads one search may spread its segments over"
                + " (default: the cores, as the server)")
        int searchThreads = Runtime.getRuntime().availableProcessors();

        @Override
        public Integer call() throws Exception {
            Path dir = keep != null ? Files.createDirectories(keep) : Files.createTempDirectory("vitrine-bench-search");
            try {
                new io.vitrine.search.bench.SearchBenchmark(spec.commandLine().getOut(),
                        shape -> only == null || only.stream().anyMatch(shape::contains)).run(d -> Vitrine.openIndex(d, searchThreads), dir, assets, dimensions);
            } finally {
                if (keep == null) {
                    FileTrees.delete(dir);
                }
            }
            return 0;
        }
    }

    @Command(name = "upload", description = "Peak server memory while uploading a large generated file (server in a child JVM).")
    static final class Upload implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--bytes", description = "upload size in bytes (default: 2 GiB)")
        long bytes = 2L * 1024 * 1024 * 1024;

        @Option(names = "--heap", description = "server -Xmx (default: ${DEFAULT-VALUE})", defaultValue = "256m")
        String heap;

        @Override
        public Integer call() throws IOException, InterruptedException {
            new UploadMemoryBench(spec.commandLine().getOut()).run(bytes, heap);
            spec.commandLine().getOut().flush();
            return 0;
        }
    }
}
