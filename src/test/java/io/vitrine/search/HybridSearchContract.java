package io.vitrine.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Vectors and hybrid ranking: what every {@link AssetIndex} adapter must do with embeddings. */
public abstract class HybridSearchContract {
    static final String SPACE = "test:unit@1";
    static final Instant T = Instant.parse("2024-05-01T10:00:00Z");

    @TempDir protected Path dir;
    protected AssetIndex index;

    protected abstract AssetIndex newIndex(Path dir);

    @BeforeEach
    void open() {
        index = newIndex(dir);
    }

    @AfterEach
    void closeIndex() {
        index.close();
    }

    static float[] dir(double angleDegrees) {
        double a = Math.toRadians(angleDegrees);
        return new float[] {(float) Math.cos(a), (float) Math.sin(a), 0.05f, 0.05f};
    }

    static IndexDocument doc(String id, String title, String type, Set<String> regions, Map<String, float[]> vectors) {
        return new IndexDocument(id, id + ".jpg", type, "ready", 1, T, T, title, null, List.of(), null, null, null, null,
                null, Map.of(), regions, List.of(), vectors);
    }

    void add(IndexDocument... docs) {
        for (IndexDocument d : docs) {
            index.upsert(d);
        }
        index.refresh();
    }

    SearchResult similar(float[] v, int k, Map<Facet, List<String>> filters, Set<String> regions, String text, boolean explain) {
        SearchQuery.Hybrid h = new SearchQuery.Hybrid(List.of(new SearchQuery.Vector(SPACE, v, k, 1f)), 1f, 60, explain);
        return index.search(new SearchQuery(text, filters, null, null, SearchQuery.SortOrder.RELEVANCE, 10, null, regions, h));
    }

    static List<String> ids(SearchResult r) {
        return r.hits().stream().map(SearchResult.Hit::id).toList();
    }

    @Test
    void walking_everything_within_a_similarity_page_by_page_finds_each_match_once_in_id_order() {
        List<IndexDocument> docs = new ArrayList<>();
        Set<String> expected = new java.util.TreeSet<>();
        for (int i = 0; i < 3000; i++) {
            // 0..59.98 degrees; cos(30°) = 0.866: about the first 1,500 are within, the rest are not
            double angle = i * 0.02;
            String id = String.format("a%05d", (i * 7919) % 100_000);
            docs.add(doc(id, null, "image/jpeg", Set.of(), Map.of(SPACE, dir(angle))));
            if (angle < 29.5) {
                expected.add(id);
            }
        }
        docs.add(doc("no-vector", null, "image/jpeg", Set.of(), Map.of()));
        add(docs.toArray(IndexDocument[]::new));
        String deleted = expected.iterator().next();
        index.delete(deleted);
        index.refresh();
        expected.remove(deleted);
        List<String> walked = new ArrayList<>();
        String after = null;
        for (List<String> page = index.within(SPACE, dir(0), (float) Math.cos(Math.toRadians(30)), null, 64); !page.isEmpty();
                page = index.within(SPACE, dir(0), (float) Math.cos(Math.toRadians(30)), after, 64)) {
            assertThat(page.size()).isLessThanOrEqualTo(64);
            walked.addAll(page);
            after = page.getLast();
        }
        assertThat(walked).as("more than the 1,000 a kNN query returns, each once, in id order").isSorted()
                .doesNotHaveDuplicates().containsAll(expected).hasSizeGreaterThan(1000);
        assertThat(walked).doesNotContain(deleted, "no-vector");
        assertThat(walked.size()).isBetween(expected.size(), expected.size() + 30); // int8 rounding at the border
        assertThat(index.within("test:other@1", dir(0), 0.5f, null, 10)).as("a space nobody has").isEmpty();
    }

    @Test
    void nearest_neighbours_come_first_by_similarity() {
        add(doc("east", null, "image/jpeg", Set.of(), Map.of(SPACE, dir(0))),
                doc("north", null, "image/jpeg", Set.of(), Map.of(SPACE, dir(90))),
                doc("northeast", null, "image/jpeg", Set.of(), Map.of(SPACE, dir(45))));
        assertThat(ids(similar(dir(10), 3, Map.of(), null, null, false))).containsExactly("east", "northeast", "north");
    }

    @Test
    void filters_restrict_the_neighbour_search_itself_not_its_results() {
        List<IndexDocument> docs = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            docs.add(doc("jpg" + i, null, "image/jpeg", Set.of(), Map.of(SPACE, dir(i * 0.1))));
        }
        docs.add(doc("png-far", null, "image/png", Set.of(), Map.of(SPACE, dir(170))));
        add(docs.toArray(IndexDocument[]::new));
        SearchResult r = similar(dir(0), 5, Map.of(Facet.MEDIA_TYPE, List.of("image/png")), null, null, false);
        assertThat(ids(r)).containsExactly("png-far");
        assertThat(r.total()).isEqualTo(1);
    }

    @Test
    void neighbours_outside_the_callers_regions_never_appear_or_count() {
        add(doc("de", null, "image/jpeg", Set.of("DE"), Map.of(SPACE, dir(0))),
                doc("open", null, "image/jpeg", Set.of(), Map.of(SPACE, dir(30))));
        SearchResult r = similar(dir(0), 10, Map.of(), Set.of("FR"), null, false);
        assertThat(ids(r)).containsExactly("open");
        assertThat(r.total()).isEqualTo(1);
        assertThat(r.facets().get("mediaType").getFirst().count()).isEqualTo(1);
    }

    @Test
    void fuses_keyword_and_vector_rankings_and_explains_each_part() {
        add(doc("both", "red lighthouse", "image/jpeg", Set.of(), Map.of(SPACE, dir(5))),
                doc("words", "red lighthouse at night", "image/jpeg", Set.of(), Map.of(SPACE, dir(170))),
                doc("looks", "harbour crane", "image/jpeg", Set.of(), Map.of(SPACE, dir(0))));
        SearchResult r = similar(dir(0), 3, Map.of(), null, "lighthouse", true);
        assertThat(ids(r).getFirst()).isEqualTo("both");
        assertThat(ids(r)).containsExactlyInAnyOrder("both", "words", "looks");
        assertThat(r.total()).isEqualTo(3);
        Map<String, SearchResult.Component> parts = r.hits().getFirst().explain();
        assertThat(parts).containsKeys("text", "vector:" + SPACE);
        assertThat(parts.get("vector:" + SPACE).rank()).isEqualTo(2);
    }

    @Test
    void two_model_versions_coexist_and_a_query_uses_its_own() {
        String v2 = "test:unit@2";
        add(doc("old-only", null, "image/jpeg", Set.of(), Map.of(SPACE, dir(0))),
                doc("both", null, "image/jpeg", Set.of(), Map.of(SPACE, dir(50), v2, dir(0))));
        SearchQuery.Hybrid h = new SearchQuery.Hybrid(List.of(new SearchQuery.Vector(v2, dir(0), 10, 1f)), 1f, 60, false);
        SearchResult r = index.search(new SearchQuery(null, Map.of(), null, null, SearchQuery.SortOrder.RELEVANCE, 10, null, null, h));
        assertThat(ids(r)).containsExactly("both");
    }

    @Test
    void pages_through_similar_assets_without_repeats() {
        List<IndexDocument> docs = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            docs.add(doc("d" + i, null, "image/jpeg", Set.of(), Map.of(SPACE, dir(i * 3))));
        }
        add(docs.toArray(IndexDocument[]::new));
        SearchQuery.Hybrid h = new SearchQuery.Hybrid(List.of(new SearchQuery.Vector(SPACE, dir(0), 25, 1f)), 1f, 60, false);
        Set<String> seen = new HashSet<>();
        String cursor = null;
        int pages = 0;
        do {
            SearchResult r = index.search(new SearchQuery(null, Map.of(), null, null, SearchQuery.SortOrder.RELEVANCE, 10, cursor, null, h));
            r.hits().forEach(hit -> assertThat(seen.add(hit.id())).as("repeat " + hit.id()).isTrue());
            cursor = r.nextCursor();
            pages++;
        } while (cursor != null);
        assertThat(seen).hasSize(25);
        assertThat(pages).isEqualTo(3);
    }

    @Test
    void rejects_what_cannot_be_a_vector_search() {
        add(doc("a", null, "image/jpeg", Set.of(), Map.of(SPACE, dir(0))));
        SearchQuery.Hybrid bad = new SearchQuery.Hybrid(List.of(new SearchQuery.Vector("Bad Space!", dir(0), 5, 1f)), 1f, 60, false);
        assertThatThrownBy(() -> index.search(new SearchQuery(null, Map.of(), null, null, null, 10, null, null, bad)))
                .isInstanceOf(InvalidQueryException.class);
        SearchQuery.Hybrid ok = new SearchQuery.Hybrid(List.of(new SearchQuery.Vector(SPACE, dir(0), 5, 1f)), 1f, 60, false);
        assertThatThrownBy(() -> index.search(new SearchQuery(null, Map.of(), null, null, SearchQuery.SortOrder.DATE_DESC, 10, null, null, ok)))
                .isInstanceOf(InvalidQueryException.class);
        assertThatThrownBy(() -> index.search(new SearchQuery(null, Map.of(), null, null, null, 10, "garbled", null, ok)))
                .isInstanceOf(InvalidQueryException.class);
        assertThatThrownBy(() -> index.upsert(doc("z", null, "image/jpeg", Set.of(), Map.of(SPACE, new float[4]))))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
