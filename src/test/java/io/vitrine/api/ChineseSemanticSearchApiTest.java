package io.vitrine.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.vitrine.TestServer;
import io.vitrine.enrich.ModelServer;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Chinese natural-language queries over photos nobody described, offline: the real tagger proposes
 * concepts, bge-small-zh places their Chinese labels (ConSE) and the query in one space. With the zh
 * space off the same query only reaches the semantic search through concept labels it names; a
 * library built with it off gets its zh vectors after a restart with it on, with nothing to run.
 */
class ChineseSemanticSearchApiTest {
    static final String MODEL = "mobilenetv2-12-int8";
    static final Path CASTLE = SemanticSearchApiTest.CASTLE;
    static final Path BALLOONS = SemanticSearchApiTest.BALLOONS;
    static final Path DOG = Path.of("../shared/corpus/labeled/gcompris-animals/explore_farm_animals__dog.webp");
    static final String ZH_SPACE = "text:bge-small-zh-v1.5@1";
    /** Names no vocabulary concept ("castle" is 城堡): only the meaning can find the castle. */
    static final String FORTRESS = "中世纪的堡垒";
    /** "A large dog": not one character of it is in the labels of dog (狗) or its broader concepts. */
    static final String LARGE_DOG = "一只大型犬";

    @TempDir
    Path on;
    @TempDir
    Path off;

    @Test
    void a_chinese_paraphrase_finds_an_undescribed_photo_through_its_chinese_concept_labels() throws Exception {
        assumePhotosAndModel(on);
        try (TestServer server = new TestServer(on, Map.of())) {
            String castle = upload(server, "IMG_0002.png", CASTLE);
            String dog = upload(server, "IMG_0003.webp", DOG);
            upload(server, "IMG_0001.jpg", BALLOONS);
            server.upload("?onDuplicate=allow", "report.png", Media.png(80, 60, 9), "{\"title\":\"Quarterly tax report\"}");
            JsonNode r = awaitFirst(server, FORTRESS, castle, Duration.ofSeconds(120));
            JsonNode explain = r.path("hits").get(0).path("explain");
            assertThat(explain.has("vector:concepts." + ZH_SPACE)).as(explain.toString()).isTrue();
            assertThat(explain.has("text")).as("no Chinese word of it is on the photo").isFalse();
            assertThat(r.path("interpretation").path("semanticText").asText()).isEqualTo(FORTRESS);
            assertThat(awaitFirst(server, "一只狗在海滩上", dog, Duration.ofSeconds(30)).path("hits").get(0)
                    .path("explain").has("vector:concepts." + ZH_SPACE)).isTrue();
        }
    }

    @Test
    void capabilities_report_the_chinese_space_on_by_default() throws Exception {
        try (TestServer server = new TestServer(on, Map.of())) {
            JsonNode zh = capability(server, "embeddings-zh");
            assertThat(zh.path("enabled").asBoolean()).isTrue();
            assertThat(zh.path("model").asText()).isEqualTo(ZH_SPACE);
        }
    }

    @Test
    void switched_off_it_finds_less_and_a_restart_with_it_on_embeds_the_existing_library() throws Exception {
        assumePhotosAndModel(off);
        String dog;
        int rankOff;
        try (TestServer server = new TestServer(off, Map.of("VITRINE_TEXT_EMBEDDER_ZH", "off"))) {
            JsonNode zh = capability(server, "embeddings-zh");
            assertThat(zh.path("enabled").asBoolean()).isFalse();
            assertThat(zh.path("reason").asText()).contains("VITRINE_TEXT_EMBEDDER_ZH=off").contains("English labels");
            dog = upload(server, "IMG_0003.webp", DOG);
            upload(server, "IMG_0002.png", CASTLE);
            upload(server, "IMG_0001.jpg", BALLOONS);
            awaitFirst(server, "a large dog", dog, Duration.ofSeconds(120));
            JsonNode r = search(server, LARGE_DOG);
            rankOff = rank(r, dog);
            assertThat(r.toString()).doesNotContain(ZH_SPACE);
        }
        try (TestServer server = new TestServer(off, Map.of())) {
            JsonNode r = awaitFirst(server, LARGE_DOG, dog, Duration.ofSeconds(90));
            assertThat(r.path("hits").get(0).path("explain").has("vector:concepts." + ZH_SPACE)).isTrue();
            System.out.printf("%s: the dog photo ranks %d with the zh space, %s without it%n", LARGE_DOG, rank(r, dog),
                    rankOff == 0 ? "not found" : String.valueOf(rankOff));
            assertThat(rankOff == 0 ? Integer.MAX_VALUE : rankOff).as("rank without the zh space").isGreaterThanOrEqualTo(rank(r, dog));
        }
    }

    @Test
    void words_changed_while_the_zh_space_was_off_are_embedded_again_in_it_once_it_is_back_on() throws Exception {
        assumePhotosAndModel(off);
        String dog;
        String first;
        try (TestServer server = new TestServer(off, Map.of())) {
            dog = server.json(server.upload("?onDuplicate=allow", "IMG_0003.webp", Files.readAllBytes(DOG),
                    "{\"title\":\"A dog on the farm\"}")).path("id").asText();
            first = awaitWordsHash(server, dog, h -> h != null && !h.equals(STALE));
        }
        try (TestServer server = new TestServer(off, Map.of("VITRINE_TEXT_EMBEDDER_ZH", "off"))) {
            assertThat(new GovernanceClient(server).admin("PATCH", "/api/v1/assets/" + dog, "{\"title\":\"A cat in the barn\"}")
                    .statusCode()).isEqualTo(200);
            awaitWordsHash(server, dog, STALE::equals); // kept for nodes that still use it, but known to be out of date
        }
        try (TestServer server = new TestServer(off, Map.of())) {
            String again = awaitWordsHash(server, dog, h -> h != null && !h.equals(STALE));
            assertThat(again).as("embedded from the new title").isNotEqualTo(first);
        }
    }

    static final String STALE = io.vitrine.embed.EmbeddingRepository.STALE;

    /** Waits until the asset's zh words vector's inputs hash (null without one) passes {@code until}; returns it. */
    private static String awaitWordsHash(TestServer server, String id, java.util.function.Predicate<String> until) throws Exception {
        String url = new io.vitrine.config.VitrineConfig.Db(null, null, null).effectiveUrl(server.dataDir());
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (true) {
            String hash;
            try (var c = java.sql.DriverManager.getConnection(url);
                    var q = c.prepareStatement("select inputs_hash from asset_vectors where asset_id = ? and space = ?")) {
                q.setString(1, id);
                q.setString(2, "words." + ZH_SPACE);
                try (var rs = q.executeQuery()) {
                    hash = rs.next() ? rs.getString(1).strip() : null;
                }
            }
            if (until.test(hash)) {
                return hash;
            }
            assertThat(System.nanoTime()).as("the zh words vector of " + id + " stayed at " + hash).isLessThan(deadline);
            Thread.sleep(250);
        }
    }

    /** The photos and the tagger model (installed the way a deployment pulls it). */
    static void assumePhotosAndModel(Path data) throws Exception {
        assumeTrue(List.of(CASTLE, BALLOONS, DOG).stream().allMatch(Files::isRegularFile) && ModelServer.installShared(data, MODEL),
                "../shared photos or model absent; skipping");
    }

    static String upload(TestServer server, String name, Path file) throws Exception {
        return server.json(server.upload("?onDuplicate=allow", name, Files.readAllBytes(file), null)).path("id").asText();
    }

    static JsonNode capability(TestServer server, String name) throws Exception {
        for (JsonNode c : server.json(server.get("/api/v1/capabilities")).path("capabilities")) {
            if (c.path("name").asText().equals(name)) {
                return c;
            }
        }
        throw new AssertionError("no capability " + name);
    }

    static JsonNode search(TestServer server, String q) throws Exception {
        return server.json(server.get("/api/v1/search?explain=true&q=" + URLEncoder.encode(q, StandardCharsets.UTF_8)));
    }

    /** 1-based rank of the asset among the hits, 0 when it is not among them. */
    static int rank(JsonNode r, String id) {
        List<String> ids = new java.util.ArrayList<>();
        r.path("hits").forEach(h -> ids.add(h.path("id").asText()));
        return ids.indexOf(id) + 1;
    }

    static JsonNode awaitFirst(TestServer server, String q, String expected, Duration within) throws Exception {
        long deadline = System.nanoTime() + within.toNanos();
        JsonNode r = null;
        while (System.nanoTime() < deadline) {
            r = search(server, q);
            if (r.path("hits").size() > 0 && r.path("hits").get(0).path("id").asText().equals(expected)) {
                return r;
            }
            Thread.sleep(250);
        }
        throw new AssertionError("never ranked " + expected + " first for " + q + ": " + r);
    }
}
