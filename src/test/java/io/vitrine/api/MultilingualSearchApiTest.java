package io.vitrine.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.vitrine.TestServer;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The marketer's three queries of the issue, through the API, each finding its asset first. */
class MultilingualSearchApiTest {
    @TempDir
    static Path data;

    static TestServer server;
    static String beachZh;
    static String beachPt;
    static String office;

    @BeforeAll
    static void start() throws Exception {
        server = new TestServer(data, Map.of());
        beachZh = upload("a.jpg", Media.jpeg(200, 150, 31), "{\"title\":\"日落时分的海滩\"}");
        beachPt = upload("b.jpg", Media.jpeg(200, 150, 32), "{\"title\":\"Praia da Rocha ao pôr do sol\"}");
        office = upload("c.jpg", Media.jpeg(200, 150, 33), "{\"title\":\"Team celebration at the office\"}");
        upload("d.jpg", Media.jpeg(200, 150, 34), "{\"title\":\"Harbour at dawn\",\"description\":\"sol e mar\"}");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static String upload(String name, byte[] content, String meta) throws Exception {
        HttpResponse<String> r = server.upload("?onDuplicate=allow", name, content, meta);
        String id = server.json(r).path("id").asText();
        server.awaitSettled(id);
        return id;
    }

    static JsonNode first(String q, String expected) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        JsonNode r;
        do {
            HttpResponse<String> resp = server.get("/api/v1/search?explain=true&q=" + URLEncoder.encode(q, StandardCharsets.UTF_8));
            assertThat(resp.statusCode()).as(resp.body()).isEqualTo(200);
            r = server.json(resp);
            if (r.path("hits").size() > 0 && r.path("hits").get(0).path("id").asText().equals(expected)) {
                return r;
            }
            Thread.sleep(100);
        } while (System.nanoTime() < deadline);
        throw new AssertionError(q + " did not find " + expected + " first: " + r);
    }

    @Test
    void finds_a_chinese_title_with_a_chinese_query_and_says_it_read_chinese() throws Exception {
        JsonNode r = first("海滩日落", beachZh);
        assertThat(r.path("interpretation").path("language").asText()).isEqualTo("zh");
        assertThat(r.path("interpretation").path("concepts").findValuesAsText("")).isEmpty();
        assertThat(r.path("interpretation").path("concepts").get(0).asText()).isEqualTo("beach");
    }

    @Test
    void finds_a_portuguese_title_with_portuguese_words_plurals_and_stop_words() throws Exception {
        JsonNode r = first("pôr do sol na praia", beachPt);
        assertThat(r.path("interpretation").path("language").asText()).isEqualTo("pt");
        assertThat(r.path("interpretation").path("semanticText").asText()).isEqualTo("beach");
        first("praias", beachPt);
    }

    @Test
    void finds_an_english_title_from_a_natural_sentence_with_other_word_forms() throws Exception {
        JsonNode r = first("team celebrating in an office", office);
        assertThat(r.path("interpretation").path("language").asText()).isEqualTo("en");
        assertThat(r.path("total").asInt()).isEqualTo(1);
    }

    @Test
    void says_nothing_about_interpretation_unless_asked_to_explain() throws Exception {
        first("praias", beachPt);
        HttpResponse<String> resp = server.get("/api/v1/search?q=praias");
        assertThat(server.json(resp).has("interpretation")).isFalse();
    }
}
