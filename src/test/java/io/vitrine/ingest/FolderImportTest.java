package io.vitrine.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.vitrine.TestServer;
import io.vitrine.api.ApiTestMedia;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Folder import: every outcome reported with its reason, duplicates recognised, and a second run resumes. */
class FolderImportTest {
    @TempDir
    Path data;

    @TempDir
    Path folder;

    @Test
    void imports_a_tree_reports_outcomes_and_resumes_without_redoing_work() throws Exception {
        byte[] photo = ApiTestMedia.jpeg();
        Files.createDirectories(folder.resolve("shoot/day1"));
        Files.write(folder.resolve("shoot/day1/a.jpg"), photo);
        Files.write(folder.resolve("shoot/copy-of-a.jpg"), photo);
        Files.writeString(folder.resolve("notes.txt"), "call the photographer");
        Files.write(folder.resolve("empty.jpg"), new byte[0]);
        Files.writeString(folder.resolve(".hidden"), "skip me");
        try (TestServer server = new TestServer(data, Map.of("VITRINE_WORKERS", "0"))) {
            FolderImport imp = server.vitrine().folderImport();
            List<Path> files = imp.scan(folder);
            assertThat(files).hasSize(4);
            List<FolderImport.FileResult> seen = new CopyOnWriteArrayList<>();
            List<FolderImport.FileResult> first = imp.run(folder, files, 2, DuplicatePolicy.LINK, seen::add);
            assertThat(seen).hasSize(4);
            assertThat(count(first, FolderImport.Outcome.NEW)).isEqualTo(2);
            assertThat(count(first, FolderImport.Outcome.DUPLICATE)).isEqualTo(1);
            FolderImport.FileResult failed = first.stream().filter(r -> r.outcome() == FolderImport.Outcome.FAILED).findFirst().orElseThrow();
            assertThat(failed.file().getFileName().toString()).isEqualTo("empty.jpg");
            assertThat(failed.reason()).contains("empty");

            Files.writeString(folder.resolve("notes.txt"), "call the photographer tomorrow");
            Files.setLastModifiedTime(folder.resolve("notes.txt"), FileTime.from(Instant.now().plusSeconds(5)));
            List<FolderImport.FileResult> second = imp.run(folder, imp.scan(folder), 2, DuplicatePolicy.LINK, r -> {});
            assertThat(count(second, FolderImport.Outcome.SKIPPED)).isEqualTo(2);
            assertThat(count(second, FolderImport.Outcome.NEW)).isEqualTo(1);
            assertThat(count(second, FolderImport.Outcome.FAILED)).isEqualTo(1);
        }
    }

    private static long count(List<FolderImport.FileResult> results, FolderImport.Outcome o) {
        return results.stream().filter(r -> r.outcome() == o).count();
    }
}
