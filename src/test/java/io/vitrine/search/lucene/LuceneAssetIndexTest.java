package io.vitrine.search.lucene;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vitrine.search.AssetIndex;
import io.vitrine.search.AssetIndexContract;
import io.vitrine.search.IndexDocument;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LuceneAssetIndexTest extends AssetIndexContract {

    @Override
    protected AssetIndex newIndex(Path dir) {
        return new LuceneAssetIndex(dir);
    }

    private LuceneAssetIndex lucene() {
        return (LuceneAssetIndex) index;
    }

    @Test
    void reports_reset_for_a_new_folder_but_not_after_reopen() {
        assertThat(lucene().wasReset()).isTrue();
        index.upsert(doc("a"));
        index.close();
        index = newIndex(dir);
        assertThat(lucene().wasReset()).isFalse();
        assertThat(index.count()).isEqualTo(1);
    }

    @Test
    void keeps_its_schema_version_through_delete_all() {
        index.upsert(doc("a"));
        index.deleteAll();
        index.close();
        index = newIndex(dir);
        assertThat(lucene().wasReset()).isFalse();
        assertThat(index.count()).isZero();
    }

    @Test
    void wipes_an_index_of_another_schema_version(@TempDir Path other) throws IOException {
        writeForeignIndex(other, Map.of(IndexSchema.VERSION_KEY, "0"));
        try (LuceneAssetIndex opened = new LuceneAssetIndex(other)) {
            assertThat(opened.wasReset()).isTrue();
            assertThat(opened.count()).isZero();
        }
        try (LuceneAssetIndex reopened = new LuceneAssetIndex(other)) {
            assertThat(reopened.wasReset()).isFalse();
        }
    }

    @Test
    void wipes_an_index_without_schema_version(@TempDir Path other) throws IOException {
        writeForeignIndex(other, Map.of());
        try (LuceneAssetIndex opened = new LuceneAssetIndex(other)) {
            assertThat(opened.wasReset()).isTrue();
            assertThat(opened.ids()).isEmpty();
        }
    }

    @Test
    void recreates_an_unreadable_index(@TempDir Path other) throws IOException {
        Files.write(other.resolve("segments_1"), "not a lucene commit, just garbage bytes".repeat(20).getBytes());
        try (LuceneAssetIndex opened = new LuceneAssetIndex(other)) {
            assertThat(opened.wasReset()).isTrue();
            opened.upsert(doc("a"));
            opened.refresh();
            assertThat(opened.count()).isEqualTo(1);
        }
    }

    @Test
    void refuses_a_second_writer_with_a_clear_message() {
        assertThatThrownBy(() -> new LuceneAssetIndex(dir))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("index at " + dir)
                .hasMessageContaining("is in use by another Vitrine process");
        index.upsert(doc("still-works"));
        index.refresh();
        assertThat(index.ids()).containsExactly("still-works");
    }

    @Test
    void makes_changes_visible_on_its_own_within_a_second() throws InterruptedException {
        index.upsert(doc("a"));
        assertThat(index.count()).isZero();
        assertThat(eventually(() -> index.count() == 1, Duration.ofSeconds(2))).isTrue();
    }

    @Test
    void runs_maintenance_on_a_named_daemon_thread() {
        assertThat(Thread.getAllStackTraces().keySet())
                .anyMatch(t -> t.getName().equals(IndexMaintenance.THREAD_NAME) && t.isDaemon());
    }

    @Test
    void commits_periodically_so_a_crash_loses_little(@TempDir Path live, @TempDir Path crashed)
            throws Exception {
        try (LuceneAssetIndex running =
                new LuceneAssetIndex(live, Duration.ofMillis(100), Duration.ofMillis(200))) {
            running.upsert(doc("a"));
            // never refreshed nor closed: only the periodic commit can put it on disk
            assertThat(eventually(() -> committedDocs(live) == 1, Duration.ofSeconds(3))).isTrue();
            copyWithoutLock(live, crashed); // what a restart after a crash would find
        }
        try (LuceneAssetIndex restarted = new LuceneAssetIndex(crashed)) {
            assertThat(restarted.wasReset()).isFalse();
            assertThat(restarted.ids()).containsExactly("a");
        }
    }

    @Test
    void close_is_idempotent_and_releases_the_folder() {
        index.close();
        index.close();
        index = newIndex(dir);
        assertThat(lucene().wasReset()).isFalse();
    }

    @Test
    void indexes_ten_thousand_documents_quickly() {
        long start = System.nanoTime();
        for (int i = 0; i < 10_000; i++) {
            index.upsert(new IndexDocument("id-" + i, "IMG_" + i + ".jpg", "image/jpeg", "ready", 1L,
                    Instant.ofEpochSecond(1_600_000_000L + i * 3_600L), null, "title " + (i % 97),
                    "description number " + i, List.of("k" + (i % 13), "common"), "creator " + (i % 7),
                    null, "Canon", "EOS " + (i % 5), "some body text " + i, Map.of()));
        }
        index.refresh();
        long indexed = System.nanoTime();
        for (int i = 0; i < 50; i++) {
            assertThat(search("title " + (i % 97)).total()).isPositive();
        }
        long searched = System.nanoTime();
        assertThat(index.count()).isEqualTo(10_000);
        // generous bounds for 2 shared cores; committing per document takes minutes
        assertThat(Duration.ofNanos(indexed - start)).isLessThan(Duration.ofSeconds(20));
        assertThat(Duration.ofNanos(searched - indexed)).isLessThan(Duration.ofSeconds(5));
    }

    private static IndexDocument doc(String id) {
        return new IndexDocument(id, id + ".jpg", "image/jpeg", "ready", 1L, Instant.EPOCH, null, null,
                null, List.of(), null, null, null, null, null, Map.of());
    }

    private static void writeForeignIndex(Path path, Map<String, String> userData) throws IOException {
        try (Directory directory = FSDirectory.open(path);
                IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(new StandardAnalyzer()))) {
            Document doc = new Document();
            doc.add(new StringField("id", "old", Field.Store.YES));
            writer.addDocument(doc);
            writer.setLiveCommitData(userData.entrySet());
            writer.commit();
        }
    }

    private static int committedDocs(Path path) {
        try (Directory directory = FSDirectory.open(path);
                DirectoryReader reader = DirectoryReader.open(directory)) {
            return reader.numDocs();
        } catch (IOException e) {
            return -1;
        }
    }

    private static void copyWithoutLock(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.list(from)) {
            for (Path file : files.toList()) {
                if (!file.getFileName().toString().equals("write.lock")) {
                    Files.copy(file, to.resolve(file.getFileName()));
                }
            }
        }
    }

    private static boolean eventually(java.util.function.BooleanSupplier condition, Duration within)
            throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return true;
            }
            Thread.sleep(20);
        }
        return condition.getAsBoolean();
    }

    @Test
    void a_search_past_its_time_budget_is_stopped_with_a_clear_error() {
        try (LuceneAssetIndex tight = new LuceneAssetIndex(dir.resolve("tight"), java.time.Duration.ofMillis(500),
                java.time.Duration.ofSeconds(5), java.time.Duration.ZERO)) {
            for (int i = 0; i < 50; i++) {
                tight.upsert(new io.vitrine.search.IndexDocument("d" + i, "IMG_" + i + ".jpg", "image/jpeg", "ready", 1,
                        java.time.Instant.EPOCH, null, "harbour " + i, null, java.util.List.of(), null, null, null, null, null,
                        java.util.Map.of()));
            }
            tight.refresh();
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> tight.search(new io.vitrine.search.SearchQuery("harbour",
                    java.util.Map.of(), null, null, null, 10, null)))
                    .isInstanceOf(io.vitrine.search.SearchTimeoutException.class).hasMessageContaining("0 ms");
        }
    }
}
