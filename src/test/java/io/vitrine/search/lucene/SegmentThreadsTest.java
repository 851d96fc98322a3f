package io.vitrine.search.lucene;

import static org.assertj.core.api.Assertions.assertThat;

import io.vitrine.search.Facet;
import io.vitrine.search.SearchQuery;
import io.vitrine.search.SearchResult;
import io.vitrine.search.bench.SyntheticLibrary;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SegmentThreadsTest {
    private static final int ASSETS = 12_000;

    @TempDir
    Path dir;

    @Test
    void searches_spread_over_segment_threads_answer_exactly_what_one_thread_answers() throws Exception {
        SyntheticLibrary library = new SyntheticLibrary(32);
        try (LuceneAssetIndex index = open(1)) {
            for (int n = 0; n < ASSETS; n++) {
                index.upsert(library.document(n));
                if (n % 1_000 == 999) {
                    index.refresh(); // one segment per refresh: the threads get several to share
                }
            }
            index.refresh();
        }
        List<SearchQuery> queries = queries(library);
        List<SearchResult> alone;
        try (LuceneAssetIndex index = open(1)) {
            alone = queries.stream().map(index::search).toList();
        }
        try (LuceneAssetIndex index = open(4)) {
            assertThat(queries.stream().map(index::search).toList()).isEqualTo(alone);
        }
        // some word queries under a one-year filter find nothing; browsing and neighbours always do
        assertThat(alone.stream().filter(r -> !r.hits().isEmpty()).count()).isGreaterThanOrEqualTo(queries.size() * 3 / 5);
    }

    private LuceneAssetIndex open(int threads) {
        return new LuceneAssetIndex(dir, Duration.ofHours(1), Duration.ofHours(1), Duration.ofSeconds(30), threads);
    }

    /** Each shape the search page sends: words, words under filters, browsing, neighbours, hybrid under filters. */
    private static List<SearchQuery> queries(SyntheticLibrary library) {
        SplittableRandom r = new SplittableRandom(7);
        List<SearchQuery> out = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            Map<Facet, List<String>> filters = Map.of(Facet.MEDIA_TYPE, List.of("image"),
                    Facet.YEAR, List.of(Integer.toString(2018 + r.nextInt(9))));
            SearchQuery words = new SearchQuery(library.query(r), Map.of(), null, null, SearchQuery.SortOrder.RELEVANCE, 20, null);
            SearchQuery filtered = new SearchQuery(library.query(r), filters, null, null, SearchQuery.SortOrder.RELEVANCE, 20, null);
            SearchQuery.Hybrid near = new SearchQuery.Hybrid(List.of(new SearchQuery.Vector(SyntheticLibrary.SPACE,
                    library.queryVector(r), 50, 1f)), 1f, SearchQuery.Hybrid.DEFAULT_RRF_K, true);
            out.add(words);
            out.add(filtered);
            out.add(new SearchQuery(null, Map.of(), null, null, SearchQuery.SortOrder.DATE_DESC, 50, null));
            out.add(new SearchQuery(null, Map.of(), null, null, SearchQuery.SortOrder.RELEVANCE, 20, null).withHybrid(near));
            out.add(filtered.withHybrid(near));
        }
        return out;
    }
}
