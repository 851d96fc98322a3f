package io.vitrine.search.lucene;

import static org.assertj.core.api.Assertions.assertThat;

import io.vitrine.search.IndexDocument;
import io.vitrine.search.SearchQuery;
import io.vitrine.search.SearchResult;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RankingSignalsTest {
    @TempDir
    Path dir;

    static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.DAYS);

    @Test
    void orders_equally_matching_assets_by_quality_then_recency_but_never_over_a_better_match() {
        try (LuceneAssetIndex index = new LuceneAssetIndex(dir)) {
            index.upsert(doc("blurry", "Red kite over the hills", 20, NOW.minus(30, ChronoUnit.DAYS)));
            index.upsert(doc("sharp", "Red kite over the hills", 90, NOW.minus(30, ChronoUnit.DAYS)));
            index.upsert(doc("unscored", "Red kite over the hills", null, NOW.minus(30, ChronoUnit.DAYS)));
            index.upsert(doc("old", "Lighthouse at night", 60, NOW.minus(3000, ChronoUnit.DAYS)));
            index.upsert(doc("new", "Lighthouse at night", 60, NOW.minus(2, ChronoUnit.DAYS)));
            // a clearly better text match (title and keywords, not only the description) stays ahead
            index.upsert(new IndexDocument("exact", "a.jpg", "image/jpeg", "ready", 1L, NOW.minus(4000, ChronoUnit.DAYS), null,
                    "Red kite", "Red kite over the hills", List.of("red kite"), null, null, null, null, null, Map.of()).withQuality(0));
            index.refresh();
            assertThat(ids(index, "kite over the hills")).containsExactly("exact", "sharp", "unscored", "blurry");
            assertThat(ids(index, "lighthouse")).containsExactly("new", "old");
            assertThat(ids(index, "red kite").get(0)).isEqualTo("exact");
        }
    }

    @Test
    void the_boost_is_gentle() {
        long now = NOW.toEpochMilli();
        assertThat(RankingSignals.factor(100, now, now)).isLessThanOrEqualTo(1.1 * 1.05 + 1e-9);
        assertThat(RankingSignals.factor(0, null, now)).isEqualTo(1.0);
        assertThat(RankingSignals.factor(null, now - 365L * 86_400_000, now)).isEqualTo(1.05 * 1.025, org.assertj.core.data.Offset.offset(1e-9));
    }

    private static List<String> ids(LuceneAssetIndex index, String q) {
        return index.search(new SearchQuery(q, Map.of(), null, null, null, 10, null).withLanguage("en")).hits().stream()
                .map(SearchResult.Hit::id).toList();
    }

    private static IndexDocument doc(String id, String description, Integer quality, Instant date) {
        return new IndexDocument(id, id + ".jpg", "image/jpeg", "ready", 1L, date, null, null, description, List.of(),
                null, null, null, null, null, Map.of()).withQuality(quality);
    }
}
