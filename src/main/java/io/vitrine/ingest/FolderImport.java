package io.vitrine.ingest;

import io.vitrine.asset.UserMetadata;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Imports a folder tree through the same ingest path as uploads, several files at a time. Each
 * file's outcome is journaled, so a second run after an interruption skips what was finished.
 * Hidden files and folders and symbolic links are left out.
 */
public final class FolderImport {
    private final IngestService ingest;
    private final ImportJournal journal;

    public FolderImport(IngestService ingest, ImportJournal journal) {
        this.ingest = ingest;
        this.journal = journal;
    }

    public enum Outcome { NEW, DUPLICATE, FAILED, SKIPPED }

    public record FileResult(Path file, Outcome outcome, String assetId, String reason) {}

    public List<Path> scan(Path root) throws IOException {
        try (Stream<Path> files = Files.find(root, 64, (p, attrs) -> attrs.isRegularFile() && !hidden(root, p))) {
            return files.sorted().toList();
        }
    }

    /** Imports {@code files} (from {@link #scan}) with {@code threads} in parallel; {@code onEach} sees every result. */
    public List<FileResult> run(Path root, List<Path> files, int threads, DuplicatePolicy policy, Consumer<FileResult> onEach)
            throws InterruptedException {
        AtomicInteger n = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads,
                r -> Thread.ofPlatform().name("vitrine-import-" + n.incrementAndGet()).unstarted(r));
        try {
            List<Future<FileResult>> futures = new ArrayList<>();
            for (Path f : files) {
                futures.add(pool.submit(() -> {
                    FileResult r = importOne(root, f, policy);
                    onEach.accept(r);
                    return r;
                }));
            }
            List<FileResult> results = new ArrayList<>();
            for (Future<FileResult> fu : futures) {
                results.add(fu.get());
            }
            return results;
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("import task crashed", e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    FileResult importOne(Path root, Path file, DuplicatePolicy policy) {
        String rootKey = root.toAbsolutePath().normalize().toString();
        String rel = root.relativize(file).toString();
        try {
            BasicFileAttributes attrs = Files.readAttributes(file, BasicFileAttributes.class);
            long mod = attrs.lastModifiedTime().toMillis();
            Optional<ImportJournal.Entry> done = journal.find(rootKey, rel)
                    .filter(e -> e.bytes() == attrs.size() && e.modifiedAt() == mod && !e.outcome().equals(Outcome.FAILED.name()));
            if (done.isPresent()) {
                return new FileResult(file, Outcome.SKIPPED, done.get().assetId(), null);
            }
            FileResult r = ingest(file, policy);
            journal.record(new ImportJournal.Entry(rootKey, rel, attrs.size(), mod, r.outcome().name(), r.assetId(), r.reason()));
            return r;
        } catch (IOException | RuntimeException e) {
            return new FileResult(file, Outcome.FAILED, null, e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        }
    }

    private FileResult ingest(Path file, DuplicatePolicy policy) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            IngestResult r = ingest.ingest(new Upload(ingest.stage(in), file.getFileName().toString(), UserMetadata.EMPTY, policy));
            Outcome o = r.outcome() == IngestResult.Outcome.DUPLICATE ? Outcome.DUPLICATE : Outcome.NEW;
            return new FileResult(file, o, r.asset().id(), null);
        } catch (InvalidUploadException | DuplicateRejectedException e) {
            return new FileResult(file, Outcome.FAILED, null, e.getMessage());
        }
    }

    private static boolean hidden(Path root, Path p) {
        for (Path part : root.relativize(p)) {
            if (part.toString().startsWith(".")) {
                return true;
            }
        }
        return Files.isSymbolicLink(p);
    }
}
