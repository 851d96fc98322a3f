package io.vitrine.cli;

import io.vitrine.Vitrine;
import io.vitrine.asset.Asset;
import io.vitrine.asset.AssetStatus;
import io.vitrine.config.ConfigLoader;
import io.vitrine.ingest.DuplicatePolicy;
import io.vitrine.ingest.FolderImport;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * Imports a folder tree in process through the same pipeline as uploads, then waits for processing
 * and prints a summary. Running it again after an interruption resumes.
 */
@Command(name = "import", description = "Import every file under DIR (resumable; run with the server stopped).")
final class ImportCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "DIR", description = "folder to import")
    Path dir;

    @Option(names = "--on-duplicate", description = "link, reject, version or allow (default: ${DEFAULT-VALUE})", defaultValue = "link")
    String onDuplicate;

    @Option(names = "--threads", description = "files ingested in parallel (default: cores)")
    Integer threads;

    @Option(names = "--no-wait", description = "do not wait for processing; the server finishes it later")
    boolean noWait;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        if (!Files.isDirectory(dir)) {
            spec.commandLine().getErr().println("vitrine import: " + dir + " is not a folder");
            return 2;
        }
        DuplicatePolicy policy = DuplicatePolicy.parse(onDuplicate);
        try (Vitrine vitrine = new Vitrine(ConfigLoader.load(System.getenv())).startWorkers()) {
            FolderImport imp = vitrine.folderImport();
            List<Path> files = imp.scan(dir);
            List<FolderImport.FileResult> results = ingest(imp, files, policy);
            ImportSummary summary = new ImportSummary(results);
            if (!noWait) {
                waitForPipeline(vitrine, results);
                summary.addProcessingFailures(results, id -> vitrine.assets().find(id));
            }
            summary.print(out);
            return summary.failed() == 0 ? 0 : 1;
        } catch (java.io.IOException e) {
            spec.commandLine().getErr().println("vitrine import: " + e.getMessage());
            return 2;
        }
    }

    private List<FolderImport.FileResult> ingest(FolderImport imp, List<Path> files, DuplicatePolicy policy) throws InterruptedException {
        int n = threads != null ? threads : Math.max(2, Runtime.getRuntime().availableProcessors());
        try (ProgressBar bar = bar("Importing", files.size())) {
            return imp.run(dir, files, n, policy, r -> bar.step());
        }
    }

    /** Waits until every asset this run created has left processing (retries included). */
    private static void waitForPipeline(Vitrine vitrine, List<FolderImport.FileResult> results) throws InterruptedException {
        java.util.Set<String> waiting = new java.util.HashSet<>();
        results.stream().filter(r -> r.outcome() == FolderImport.Outcome.NEW).forEach(r -> waiting.add(r.assetId()));
        int total = waiting.size();
        try (ProgressBar bar = bar("Processing", total)) {
            while (!waiting.isEmpty()) {
                waiting.removeIf(id -> vitrine.assets().find(id).map(a -> a.status() != AssetStatus.PROCESSING).orElse(true));
                bar.stepTo(total - waiting.size());
                if (!waiting.isEmpty()) {
                    Thread.sleep(Duration.ofMillis(300));
                }
            }
        }
    }

    private static ProgressBar bar(String task, long max) {
        return new ProgressBarBuilder().setTaskName(task).setInitialMax(max).setStyle(ProgressBarStyle.ASCII)
                .setUpdateIntervalMillis(200).continuousUpdate().build();
    }

    /** Counts per outcome, and every failure with its reason. */
    static final class ImportSummary {
        private final Map<FolderImport.Outcome, Integer> counts = new EnumMap<>(FolderImport.Outcome.class);
        private final Map<Path, String> failures = new java.util.TreeMap<>();
        private int processingFailed;

        ImportSummary(List<FolderImport.FileResult> results) {
            for (FolderImport.Outcome o : FolderImport.Outcome.values()) {
                counts.put(o, 0);
            }
            for (FolderImport.FileResult r : results) {
                counts.merge(r.outcome(), 1, Integer::sum);
                if (r.outcome() == FolderImport.Outcome.FAILED) {
                    failures.put(r.file(), r.reason());
                }
            }
        }

        void addProcessingFailures(List<FolderImport.FileResult> results, java.util.function.Function<String, Optional<Asset>> find) {
            for (FolderImport.FileResult r : results) {
                if (r.outcome() != FolderImport.Outcome.NEW) {
                    continue;
                }
                find.apply(r.assetId()).filter(a -> a.status() == AssetStatus.FAILED || a.status() == AssetStatus.QUARANTINED)
                        .ifPresent(a -> {
                            failures.put(r.file(), a.status().apiName() + ": " + a.statusReason());
                            processingFailed++;
                        });
            }
        }

        int failed() {
            return counts.get(FolderImport.Outcome.FAILED) + processingFailed;
        }

        void print(PrintWriter out) {
            out.printf("Imported: %d new, %d duplicate, %d already imported, %d failed%n",
                    counts.get(FolderImport.Outcome.NEW), counts.get(FolderImport.Outcome.DUPLICATE),
                    counts.get(FolderImport.Outcome.SKIPPED), counts.get(FolderImport.Outcome.FAILED));
            if (processingFailed > 0) {
                out.printf("Processing: %d of the new files failed or were quarantined%n", processingFailed);
            }
            failures.forEach((file, reason) -> out.println("  " + file + ": " + reason));
            out.flush();
        }
    }
}
