package io.vitrine.search;

import static io.vitrine.search.TestDocs.doc;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vitrine.search.SearchQuery.SortOrder;
import io.vitrine.search.SearchResult.FacetCount;
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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The behaviour every {@link AssetIndex} adapter must show; adapters extend this class. */
public abstract class AssetIndexContract {

    @TempDir protected Path dir;
    protected AssetIndex index;

    /** A new index over {@code dir}; called again on the same folder to test reopening. */
    protected abstract AssetIndex newIndex(Path dir);

    @BeforeEach
    void open() {
        index = newIndex(dir);
    }

    @AfterEach
    void closeIndex() {
        index.close();
    }

    // ---- finding -------------------------------------------------------------------------

    @Test
    void finds_asset_by_word_in_title() {
        add(doc("a").title("Sunset over the harbour"), doc("b").title("Morning fog"));
        assertThat(ids(search("harbour"))).containsExactly("a");
    }

    @Test
    void finds_asset_by_parts_of_its_filename() {
        add(doc("a").filename("IMG_1234.jpg"), doc("b").filename("Beach-Sunset_2024.png"));
        assertThat(ids(search("1234"))).containsExactly("a");
        assertThat(ids(search("img"))).containsExactly("a");
        assertThat(ids(search("sunset 2024"))).containsExactly("b");
        assertThat(ids(search("IMG_1234.jpg"))).containsExactly("a");
    }

    @Test
    void finds_every_searchable_field() {
        add(doc("d").description("quiet lagoon"), doc("k").keywords("lighthouse"),
                doc("c").creator("Ansel Adams"), doc("m").cameraModel("EOS R5"),
                doc("t").text("invoice number"), doc("x").custom(Map.of("project", "Zephyr")));
        assertThat(ids(search("lagoon"))).containsExactly("d");
        assertThat(ids(search("lighthouse"))).containsExactly("k");
        assertThat(ids(search("ansel"))).containsExactly("c");
        assertThat(ids(search("r5"))).containsExactly("m");
        assertThat(ids(search("invoice"))).containsExactly("t");
        assertThat(ids(search("zephyr"))).containsExactly("x");
    }

    @Test
    void ignores_case_and_accents() {
        add(doc("a").title("Café Zürich"));
        assertThat(ids(search("cafe zurich"))).containsExactly("a");
        assertThat(ids(search("CAFÉ"))).containsExactly("a");
    }

    @Test
    void requires_every_word() {
        add(doc("a").title("red boat"), doc("b").title("red car"));
        assertThat(ids(search("red boat"))).containsExactly("a");
    }

    @Test
    void supports_phrases_negation_and_prefixes() {
        add(doc("a").title("blue sky"), doc("b").title("sky blue"), doc("c").title("bluebird"));
        assertThat(ids(search("\"blue sky\""))).containsExactly("a");
        assertThat(ids(search("sky -bird -\"blue sky\""))).containsExactly("b");
        assertThat(ids(search("blu*"))).containsExactlyInAnyOrder("a", "b", "c");
    }

    @Test
    void negation_alone_excludes_from_everything() {
        add(doc("a").title("draft poster"), doc("b").title("final poster"));
        assertThat(ids(search("-draft"))).containsExactly("b");
    }

    @Test
    void blank_text_matches_everything() {
        add(doc("a"), doc("b"));
        assertThat(search("").total()).isEqualTo(2);
        assertThat(search("   ").total()).isEqualTo(2);
        assertThat(index.search(query(null)).total()).isEqualTo(2);
    }

    @Test
    void ranks_title_match_above_text_match() {
        add(doc("text").text("sunset"), doc("title").title("sunset"), doc("desc").description("sunset"));
        assertThat(ids(search("sunset"))).containsExactly("title", "desc", "text");
    }

    @Test
    void treats_lucene_syntax_literally() {
        add(doc("a").title("beach"), doc("b").description("title: beach notes"), doc("c").title("other"));
        assertThat(ids(search("title:beach"))).containsExactly("b");
        assertThat(search("*:*").total()).isZero();
        assertThat(search("id:a").total()).isZero();
        assertThat(ids(search("beach^10 AND other"))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"unbalanced", "(((", "[a TO z", "{x}", "field:value", "*:*", "~", "beach~2",
            "^", "a^", "\\", "-", "--", "+-*|\"", "|", "*", "***", "\u0000", "a\u0000b", "😀 🌅",
            "\uD800", "日本語の写真", "\"\"", "-\"\"", "(a | b) -(c"})
    void never_throws_on_hostile_query_text(String text) {
        add(doc("a").title("beach"));
        SearchResult result = search(text);
        assertThat(result.total()).isBetween(0L, 1L);
    }

    @Test
    void never_throws_on_very_long_query_text() {
        add(doc("a").title("beach"));
        String[] shapes = {"beach ".repeat(2_000), "a-".repeat(5_000), "\"x".repeat(5_000),
                "a1".repeat(5_000), "-x ".repeat(4_000), "x* ".repeat(4_000), "(".repeat(10_000)};
        for (String text : shapes) {
            assertThat(text.length()).isGreaterThanOrEqualTo(10_000);
            assertThat(search(text).total()).isBetween(0L, 1L);
        }
        assertThat(ids(search("beach ".repeat(2_000)))).containsExactly("a");
    }

    // ---- facets and filters ----------------------------------------------------------------

    @Test
    void counts_facets_over_filtered_hits() {
        add(doc("a").title("cat").keywords("pet", "fur").mediaType("image/jpeg"),
                doc("b").title("cat").keywords("pet").mediaType("video/mp4"),
                doc("c").title("dog").keywords("pet", "fur").mediaType("image/png"));
        SearchResult result = index.search(filtered("cat", Map.of(Facet.MEDIA_TYPE, List.of("image"))));
        assertThat(result.total()).isEqualTo(1);
        assertThat(result.facets().get("keywords"))
                .containsExactly(new FacetCount("fur", 1), new FacetCount("pet", 1));
        assertThat(result.facets().get("mediaType")).containsExactly(new FacetCount("image/jpeg", 1));
        assertThat(result.facets().keySet())
                .containsExactlyInAnyOrder("mediaType", "year", "cameraModel", "keywords", "status", "workflow", "people", "risk");
    }

    @Test
    void risk_facet_counts_each_raised_flag_and_filters_on_any_of_them() {
        add(doc("a").title("shelf").risks("alcohol", "personal-data"), doc("b").title("shelf").risks("alcohol"), doc("c").title("shelf"));
        SearchResult all = index.search(filtered("shelf", Map.of()));
        assertThat(all.facets().get("risk")).containsExactlyInAnyOrder(new FacetCount("alcohol", 2), new FacetCount("personal-data", 1));
        assertThat(index.search(filtered("shelf", Map.of(Facet.RISK, List.of("personal-data")))).hits())
                .extracting(h -> h.id()).containsExactly("a");
        assertThat(index.search(filtered("shelf", Map.of(Facet.RISK, List.of("alcohol", "weapon")))).total()).isEqualTo(2);
    }

    @Test
    void people_facet_counts_assets_with_and_without_faces_and_leaves_out_unchecked_ones() {
        add(doc("a").title("crowd").people(3), doc("b").title("crowd").people(0), doc("c").title("crowd"));
        SearchResult all = index.search(filtered("crowd", Map.of()));
        assertThat(all.facets().get("people")).containsExactlyInAnyOrder(new FacetCount("present", 1), new FacetCount("none", 1));
        assertThat(index.search(filtered("crowd", Map.of(Facet.PEOPLE, List.of("present")))).hits())
                .extracting(h -> h.id()).containsExactly("a");
    }

    @Test
    void text_read_off_an_image_is_searchable_next_to_extracted_text() {
        add(doc("a").text("annual report").readText("Zeppelin hangar"), doc("b").readText("Zeppelin"), doc("c").text("annual"));
        assertThat(index.search(filtered("zeppelin", Map.of())).total()).isEqualTo(2);
        assertThat(index.search(filtered("annual", Map.of())).total()).isEqualTo(2);
    }

    @Test
    void sorts_facet_values_by_count_then_value() {
        add(doc("a").keywords("zebra", "ant"), doc("b").keywords("zebra", "bee"), doc("c").keywords("cat"));
        assertThat(search("").facets().get("keywords")).containsExactly(new FacetCount("zebra", 2),
                new FacetCount("ant", 1), new FacetCount("bee", 1), new FacetCount("cat", 1));
    }

    @Test
    void filters_or_within_a_facet_and_across_facets() {
        add(doc("a").status("ready").keywords("x"), doc("b").status("failed").keywords("x"),
                doc("c").status("processing").keywords("x"), doc("d").status("ready").keywords("y"));
        SearchResult result = index.search(filtered("", Map.of(
                Facet.STATUS, List.of("ready", "failed"), Facet.KEYWORDS, List.of("x"))));
        assertThat(ids(result)).containsExactlyInAnyOrder("a", "b");
        assertThat(result.total()).isEqualTo(2);
    }

    @Test
    void filters_by_major_media_type() {
        add(doc("jpg").mediaType("image/jpeg"), doc("png").mediaType("image/png"),
                doc("mp4").mediaType("video/mp4"), doc("imagex").mediaType("imagex/foo"));
        assertThat(ids(index.search(filtered("", Map.of(Facet.MEDIA_TYPE, List.of("image"))))))
                .containsExactlyInAnyOrder("jpg", "png");
        assertThat(ids(index.search(filtered("", Map.of(Facet.MEDIA_TYPE, List.of("Image/PNG"))))))
                .containsExactly("png");
    }

    @Test
    void year_facet_uses_captured_at_else_created_at_in_utc() {
        add(doc("a").capturedAt("2019-12-31T23:30:00Z").createdAt("2025-01-01T00:00:00Z"),
                doc("b").createdAt("2021-06-01T00:00:00Z"));
        assertThat(search("").facets().get("year"))
                .containsExactly(new FacetCount("2019", 1), new FacetCount("2021", 1));
        assertThat(ids(index.search(filtered("", Map.of(Facet.YEAR, List.of("2019")))))).containsExactly("a");
    }

    @Test
    void filters_by_inclusive_date_range() {
        add(doc("old").capturedAt("2010-01-01T00:00:00Z"), doc("mid").createdAt("2015-05-05T00:00:00Z"),
                doc("new").capturedAt("2020-01-01T00:00:00Z"));
        SearchQuery q = new SearchQuery("", Map.of(), Instant.parse("2010-01-01T00:00:00Z"),
                Instant.parse("2015-05-05T00:00:00Z"), SortOrder.DATE_ASC, 10, null);
        assertThat(ids(index.search(q))).containsExactly("old", "mid");
        SearchQuery open = new SearchQuery("", Map.of(), Instant.parse("2012-01-01T00:00:00Z"), null,
                SortOrder.DATE_ASC, 10, null);
        assertThat(ids(index.search(open))).containsExactly("mid", "new");
    }

    @Test
    void rejects_reversed_date_range() {
        SearchQuery q = new SearchQuery("", Map.of(), Instant.parse("2020-01-01T00:00:00Z"),
                Instant.parse("2010-01-01T00:00:00Z"), SortOrder.RELEVANCE, 10, null);
        assertThatThrownBy(() -> index.search(q)).isInstanceOf(InvalidQueryException.class);
    }

    // ---- sorting and paging ----------------------------------------------------------------

    @Test
    void sorts_by_date_newest_first() {
        add(doc("2010").capturedAt("2010-01-01T00:00:00Z"), doc("2020").capturedAt("2020-01-01T00:00:00Z"),
                doc("2015").createdAt("2015-01-01T00:00:00Z"), doc("none").createdAt(null));
        assertThat(ids(index.search(sorted(SortOrder.DATE_DESC, 10, null))))
                .containsExactly("2020", "2015", "2010", "none");
        assertThat(ids(index.search(sorted(SortOrder.DATE_ASC, 10, null))))
                .containsExactly("2010", "2015", "2020", "none");
    }

    @ParameterizedTest
    @EnumSource(SortOrder.class)
    void walks_all_pages_without_repeats(SortOrder order) {
        for (int i = 0; i < 47; i++) {
            // few distinct dates and scores: most hits tie and only the id orders them
            index.upsert(doc("asset-" + i).title(i % 2 == 0 ? "sea" : "sea sea shore")
                    .capturedAt("202" + (i % 3) + "-01-01T00:00:00Z").build());
        }
        index.refresh();
        List<String> walked = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            SearchResult page = index.search(new SearchQuery("sea", Map.of(), null, null, order, 5, cursor));
            assertThat(page.total()).isEqualTo(47);
            walked.addAll(ids(page));
            cursor = page.nextCursor();
            pages++;
        } while (cursor != null);
        assertThat(pages).isEqualTo(10);
        assertThat(walked).hasSize(47).doesNotHaveDuplicates();
        assertThat(walked).containsExactlyElementsOf(ids(index.search(sorted(order, 200, null, "sea"))));
    }

    @Test
    void last_page_has_no_cursor() {
        add(doc("a"), doc("b"));
        assertThat(index.search(sorted(SortOrder.RELEVANCE, 2, null)).nextCursor()).isNull();
        assertThat(index.search(sorted(SortOrder.RELEVANCE, 1, null)).nextCursor()).isNotNull();
    }

    @Test
    void clamps_limit_to_one_through_two_hundred() {
        for (int i = 0; i < 205; i++) {
            index.upsert(doc("a" + i).build());
        }
        index.refresh();
        assertThat(index.search(sorted(SortOrder.RELEVANCE, 0, null)).hits()).hasSize(1);
        assertThat(index.search(sorted(SortOrder.RELEVANCE, -5, null)).hits()).hasSize(1);
        assertThat(index.search(sorted(SortOrder.RELEVANCE, 10_000, null)).hits()).hasSize(200);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "garbage", "!!!", "AAAAAAAAAAAA", "%00", "AQA", "AQAAAAAAAAAAAAA"})
    void rejects_garbled_cursor(String cursor) {
        add(doc("a"));
        assertThatThrownBy(() -> index.search(sorted(SortOrder.DATE_DESC, 10, cursor)))
                .isInstanceOf(InvalidQueryException.class).hasMessage("invalid cursor");
    }

    @Test
    void rejects_oversized_cursor() {
        assertThatThrownBy(() -> index.search(sorted(SortOrder.DATE_DESC, 10, "A".repeat(100_000))))
                .isInstanceOf(InvalidQueryException.class).hasMessage("invalid cursor");
    }

    @Test
    void rejects_cursor_from_another_sort() {
        add(doc("a"), doc("b"));
        String cursor = index.search(sorted(SortOrder.DATE_DESC, 1, null)).nextCursor();
        assertThat(cursor).matches("[A-Za-z0-9_-]+");
        assertThatThrownBy(() -> index.search(sorted(SortOrder.RELEVANCE, 1, cursor)))
                .isInstanceOf(InvalidQueryException.class);
        assertThatThrownBy(() -> index.search(sorted(SortOrder.DATE_ASC, 1, cursor)))
                .isInstanceOf(InvalidQueryException.class);
    }

    @Test
    void counts_every_hit_not_only_the_page() {
        for (int i = 0; i < 1_500; i++) {
            index.upsert(doc("n" + i).title("common").build());
        }
        index.refresh();
        SearchResult result = index.search(sorted(SortOrder.DATE_DESC, 10, null, "common"));
        assertThat(result.total()).isEqualTo(1_500);
        assertThat(result.facets().get("status")).containsExactly(new FacetCount("ready", 1_500));
    }

    // ---- writing and lifecycle -------------------------------------------------------------

    @Test
    void upsert_replaces_existing_document() {
        add(doc("a").title("before").keywords("old"));
        add(doc("a").title("after").keywords("new"));
        assertThat(search("before").total()).isZero();
        assertThat(ids(search("after"))).containsExactly("a");
        assertThat(search("").facets().get("keywords")).containsExactly(new FacetCount("new", 1));
        assertThat(index.count()).isEqualTo(1);
    }

    @Test
    void delete_removes_from_results_and_facets() {
        add(doc("a").title("boat").keywords("sea"), doc("b").title("boat").keywords("lake"));
        index.delete("a");
        index.refresh();
        SearchResult result = search("boat");
        assertThat(ids(result)).containsExactly("b");
        assertThat(result.facets().get("keywords")).containsExactly(new FacetCount("lake", 1));
        index.delete("missing");
    }

    @Test
    void delete_all_empties_the_index() {
        add(doc("a"), doc("b"));
        index.deleteAll();
        index.refresh();
        assertThat(index.count()).isZero();
        assertThat(search("").hits()).isEmpty();
        add(doc("c"));
        assertThat(index.ids()).containsExactly("c");
    }

    @Test
    void changes_become_visible_after_refresh() {
        index.upsert(doc("a").title("late").build());
        index.refresh();
        assertThat(ids(search("late"))).containsExactly("a");
    }

    @Test
    void lists_ids_and_counts_live_documents() {
        add(doc("a"), doc("b"), doc("c"));
        index.delete("b");
        index.refresh();
        assertThat(index.ids()).containsExactlyInAnyOrder("a", "c");
        assertThat(index.count()).isEqualTo(2);
    }

    @Test
    void accepts_documents_with_missing_or_oversized_fields() {
        Map<String, String> custom = new java.util.HashMap<>();
        custom.put("empty", null);
        custom.put("huge", "word ".repeat(50_000));
        index.upsert(new IndexDocument("bare", null, null, null, 0, null, null, null, null, null, null,
                null, null, null, null, null));
        String giant = "x".repeat(100_000);
        index.upsert(doc("big").mediaType(giant + "/" + giant).keywords(giant, " ", "🌅 sunrise")
                .cameraModel(giant).text("needle " + "hay ".repeat(500_000)).custom(custom).build());
        index.refresh();
        assertThat(index.ids()).containsExactlyInAnyOrder("bare", "big");
        assertThat(ids(search("needle"))).containsExactly("big");
        assertThat(ids(search("sunrise"))).containsExactly("big");
        assertThat(search("").facets().get("keywords")).extracting(FacetCount::value).contains("🌅 sunrise");
    }

    @Test
    void rejects_a_blank_id() {
        assertThatThrownBy(() -> index.upsert(doc(" ").build())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> index.delete("")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void serves_searches_while_another_thread_writes() throws InterruptedException {
        List<Throwable> failures = java.util.Collections.synchronizedList(new ArrayList<>());
        Thread writer = Thread.ofPlatform().name("contract-writer").start(() -> {
            try {
                for (int i = 0; i < 500; i++) {
                    index.upsert(doc("w" + i).title("busy").build());
                }
            } catch (RuntimeException e) {
                failures.add(e);
            }
        });
        while (writer.isAlive()) {
            index.refresh();
            assertThat(search("busy").total()).isBetween(0L, 500L);
        }
        writer.join();
        index.refresh();
        assertThat(failures).isEmpty();
        assertThat(search("busy").total()).isEqualTo(500);
    }

    @Test
    void survives_reopen() {
        add(doc("a").title("persistent").keywords("kept"));
        index.close();
        index = newIndex(dir);
        assertThat(ids(search("persistent"))).containsExactly("a");
        assertThat(search("").facets().get("keywords")).containsExactly(new FacetCount("kept", 1));
    }

    // ---- visibility by region ------------------------------------------------------------------

    @Test
    void a_region_restricted_search_sees_unrestricted_documents_and_those_of_its_regions_only() {
        add(doc("open").title("harbour").keywords("sea"), doc("de").title("harbour").keywords("sea", "berlin").regions("DE"),
                doc("fr").title("harbour").keywords("sea", "paris").regions("FR"), doc("defr").title("harbour").regions("DE", "FR"));
        assertThat(ids(index.search(query("harbour").visibleIn(Set.of("DE"))))).containsExactlyInAnyOrder("open", "de", "defr");
        assertThat(ids(index.search(query("harbour").visibleIn(Set.of())))).containsExactly("open");
        assertThat(ids(index.search(query("harbour").visibleIn(null)))).containsExactlyInAnyOrder("open", "de", "fr", "defr");
    }

    @Test
    void totals_and_facet_counts_never_count_documents_outside_the_visible_regions() {
        add(doc("open").keywords("sea"), doc("de").keywords("sea", "berlin").mediaType("image/png").regions("DE"),
                doc("fr").keywords("sea", "paris").regions("FR"));
        SearchResult r = index.search(query("").visibleIn(Set.of("FR")));
        assertThat(r.total()).isEqualTo(2);
        assertThat(r.facets().get("keywords")).containsExactly(new FacetCount("sea", 2), new FacetCount("paris", 1));
        assertThat(r.facets().get("mediaType")).containsExactly(new FacetCount("image/jpeg", 2));
        SearchResult paged = index.search(new SearchQuery("", Map.of(), null, null, SortOrder.DATE_DESC, 1, null, Set.of("FR")));
        assertThat(paged.total()).isEqualTo(2);
        assertThat(ids(index.search(new SearchQuery("", Map.of(), null, null, SortOrder.DATE_DESC, 1, paged.nextCursor(),
                Set.of("FR"))))).doesNotContain("de");
    }

    @Test
    void a_region_filter_combines_with_facet_filters() {
        add(doc("de").keywords("berlin").regions("DE"), doc("fr").keywords("berlin").regions("FR"));
        SearchQuery q = filtered("", Map.of(Facet.KEYWORDS, List.of("berlin"))).visibleIn(Set.of("FR"));
        assertThat(ids(index.search(q))).containsExactly("fr");
    }

    // ---- helpers ---------------------------------------------------------------------------

    protected void add(TestDocs... docs) {
        for (TestDocs d : docs) {
            index.upsert(d.build());
        }
        index.refresh();
    }

    protected SearchResult search(String text) {
        return index.search(query(text));
    }

    protected static SearchQuery query(String text) {
        return new SearchQuery(text, Map.of(), null, null, SortOrder.RELEVANCE, 50, null);
    }

    protected static SearchQuery filtered(String text, Map<Facet, List<String>> filters) {
        return new SearchQuery(text, filters, null, null, SortOrder.RELEVANCE, 50, null);
    }

    protected static SearchQuery sorted(SortOrder order, int limit, String cursor) {
        return sorted(order, limit, cursor, "");
    }

    protected static SearchQuery sorted(SortOrder order, int limit, String cursor, String text) {
        return new SearchQuery(text, Map.of(), null, null, order, limit, cursor);
    }

    protected static List<String> ids(SearchResult result) {
        return result.hits().stream().map(SearchResult.Hit::id).toList();
    }
}
