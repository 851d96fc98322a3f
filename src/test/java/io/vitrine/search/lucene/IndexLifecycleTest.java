package io.vitrine.search.lucene;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vitrine.search.AssetIndex;
import io.vitrine.search.IndexDocument;
import io.vitrine.search.SearchQuery;
import io.vitrine.search.SearchResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Rebuilding aside and swapping, and knowing whether the last stop was clean. */
class IndexLifecycleTest {
    @TempDir
    Path root;

    @Test
    void rebuild_aside_keeps_answering_searches_takes_live_writes_and_swaps_in_a_consistent_index() throws Exception {
        Path dir = root.resolve("index");
        try (LuceneAssetIndex index = new LuceneAssetIndex(dir)) {
            for (int i = 0; i < 3000; i++) {
                index.upsert(doc("a" + i, "harbour " + i));
            }
            index.refresh();
            AtomicBoolean building = new AtomicBoolean(true);
            AtomicInteger searches = new AtomicInteger();
            ConcurrentLinkedQueue<String> problems = new ConcurrentLinkedQueue<>();
            Thread searcher = Thread.ofPlatform().start(() -> {
                while (building.get()) {
                    try {
                        long total = index.search(query("harbour")).total();
                        if (total < 2999) {
                            problems.add("search saw " + total + " hits");
                        }
                        searches.incrementAndGet();
                    } catch (RuntimeException e) {
                        problems.add(e.toString());
                    }
                }
            });
            try (AssetIndex.Rebuild aside = index.rebuildAside()) {
                assertThatThrownBy(index::rebuildAside).isInstanceOf(IllegalStateException.class);
                for (int i = 0; i < 3000; i++) {
                    if (i == 1000) {
                        // live writes during the build: a new asset, a deleted one, an edited one
                        index.upsert(doc("new", "harbour fresh"));
                        index.delete("a2500");
                        index.upsert(doc("a2600", "harbour edited"));
                    }
                    // the build read the database before those writes: its copies are older
                    aside.add(doc("a" + i, "harbour " + i));
                }
                Thread.sleep(300); // searches keep running against the live index meanwhile
                aside.swap();
            }
            building.set(false);
            searcher.join();
            assertThat(problems).isEmpty();
            assertThat(searches.get()).isPositive();
            assertThat(index.ids()).hasSize(3000).contains("new").doesNotContain("a2500");
            assertThat(index.search(query("edited")).hits()).extracting(SearchResult.Hit::id).containsExactly("a2600");
            index.upsert(doc("after", "harbour after the swap"));
            index.refresh();
            assertThat(index.search(query("after")).total()).isEqualTo(1);
        }
        assertThat(Files.exists(AsideRebuild.folderFor(dir))).isFalse();
        try (LuceneAssetIndex reopened = new LuceneAssetIndex(dir)) {
            assertThat(reopened.wasReset()).isFalse();
            assertThat(reopened.count()).isEqualTo(3001);
        }
    }

    @Test
    void a_rebuild_closed_without_swap_is_discarded_and_the_live_index_is_untouched() {
        Path dir = root.resolve("index");
        try (LuceneAssetIndex index = new LuceneAssetIndex(dir)) {
            index.upsert(doc("a", "one"));
            try (AssetIndex.Rebuild aside = index.rebuildAside()) {
                aside.add(doc("b", "two"));
            }
            index.refresh();
            assertThat(index.ids()).containsExactly("a");
            assertThat(Files.exists(AsideRebuild.folderFor(dir))).isFalse();
            index.rebuildAside().close(); // and another rebuild may start
        }
    }

    @Test
    void tells_a_clean_close_from_a_crash() throws Exception {
        Path dir = root.resolve("index");
        try (LuceneAssetIndex index = new LuceneAssetIndex(dir)) {
            index.upsert(doc("a", "one"));
        }
        Path crashed = root.resolve("crashed");
        try (LuceneAssetIndex index = new LuceneAssetIndex(dir)) {
            assertThat(index.closedCleanly()).isTrue();
            assertThat(index.fingerprints()).containsEntry("a", doc("a", "one").fingerprint());
            // a copy taken while it runs is what a restart after kill -9 finds
            Files.createDirectories(crashed);
            try (var files = Files.list(dir)) {
                for (Path f : files.filter(f -> !f.getFileName().toString().equals("write.lock")).toList()) {
                    Files.copy(f, crashed.resolve(f.getFileName()));
                }
            }
        }
        try (LuceneAssetIndex index = new LuceneAssetIndex(crashed)) {
            assertThat(index.closedCleanly()).isFalse();
            assertThat(index.ids()).containsExactly("a");
        }
    }

    @Test
    void removes_the_folder_of_a_rebuild_a_crash_interrupted() throws Exception {
        Path dir = root.resolve("index");
        Files.createDirectories(AsideRebuild.folderFor(dir).resolve("junk"));
        try (LuceneAssetIndex index = new LuceneAssetIndex(dir)) {
            assertThat(Files.exists(AsideRebuild.folderFor(dir))).isFalse();
        }
    }

    static SearchQuery query(String text) {
        return new SearchQuery(text, Map.of(), null, null, null, 10, null);
    }

    static IndexDocument doc(String id, String title) {
        return new IndexDocument(id, id + ".jpg", "image/jpeg", "ready", 1L, Instant.EPOCH, null, title,
                null, List.of(), null, null, null, null, null, Map.of());
    }
}
