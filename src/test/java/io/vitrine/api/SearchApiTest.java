package io.vitrine.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.vitrine.TestServer;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Keyword search through the API: relevance, facets, filters, paging, edits and deletes reflected, bad queries. */
class SearchApiTest {
    @TempDir
    static Path data;

    static TestServer server;
    static String harbour;
    static String mountain;

    @BeforeAll
    static void start() throws Exception {
        server = new TestServer(data, Map.of());
        harbour = upload("boats.jpg", Media.jpeg(200, 150, 21), "{\"title\":\"Harbour at dawn\",\"keywords\":[\"harbour\",\"boats\",\"fixture\"]}");
        mountain = upload("alps.png", Media.png(150, 200, 22), "{\"title\":\"Mountain lake\",\"keywords\":[\"mountain\",\"fixture\"]}");
        upload("IMG_2041.jpg", Media.jpeg(120, 80, 23), "{\"keywords\":[\"fixture\"]}");
        awaitHits("keywords=fixture", 3);
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

    static JsonNode search(String query) throws Exception {
        HttpResponse<String> r = server.get("/api/v1/search?" + query);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return server.json(r);
    }

    static JsonNode awaitHits(String query, int expected) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        JsonNode r = search(query);
        while (r.path("total").asInt() != expected && System.nanoTime() < deadline) {
            Thread.sleep(100);
            r = search(query);
        }
        return r;
    }

    @Test
    void finds_assets_by_title_keyword_and_filename_words() throws Exception {
        JsonNode r = awaitHits("q=harbour", 1);
        assertThat(r.path("hits").get(0).path("id").asText()).isEqualTo(harbour);
        assertThat(r.path("hits").get(0).path("asset").path("metadata").path("title").asText()).isEqualTo("Harbour at dawn");
        assertThat(awaitHits("q=2041", 1).path("total").asInt()).isEqualTo(1);
        assertThat(awaitHits("q=lake", 1).path("hits").get(0).path("id").asText()).isEqualTo(mountain);
    }

    @Test
    void counts_facets_and_filters_by_them() throws Exception {
        JsonNode all = search("keywords=fixture");
        assertThat(all.path("facets").path("mediaType").findValuesAsText("value")).contains("image/jpeg", "image/png");
        assertThat(all.path("facets").path("status").get(0).path("value").asText()).isEqualTo("ready");
        JsonNode pngs = search("keywords=fixture&mediaType=image/png");
        assertThat(pngs.path("total").asInt()).isEqualTo(1);
        assertThat(search("keywords=fixture&mediaType=image").path("total").asInt()).isEqualTo(3);
        assertThat(search("keywords=mountain").path("hits").get(0).path("id").asText()).isEqualTo(mountain);
    }

    @Test
    void pages_with_a_cursor() throws Exception {
        JsonNode first = search("keywords=fixture&limit=2&sort=newest");
        assertThat(first.path("hits").size()).isEqualTo(2);
        JsonNode second = search("keywords=fixture&limit=2&sort=newest&cursor=" + first.path("nextCursor").asText());
        assertThat(second.path("hits").get(0).path("id").asText()).isNotIn(first.path("hits").findValuesAsText("id"));
        assertThat(second.path("hits").size()).isEqualTo(1);
        assertThat(second.path("nextCursor").isNull()).isTrue();
    }

    @Test
    void an_edit_is_searchable_soon_after() throws Exception {
        String id = upload("edit.jpg", Media.jpeg(90, 90, 24), null);
        server.send(server.request("/api/v1/assets/" + id).header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString("{\"description\":\"zeppelin over the bay\"}")).build());
        assertThat(awaitHits("q=zeppelin", 1).path("hits").get(0).path("id").asText()).isEqualTo(id);
        server.send(server.request("/api/v1/assets/" + id).DELETE().build());
        assertThat(awaitHits("q=zeppelin", 0).path("total").asInt()).isZero();
    }

    @Test
    void answers_bad_queries_with_400_and_odd_text_literally() throws Exception {
        assertThat(server.get("/api/v1/search?colour=red").statusCode()).isEqualTo(400);
        assertThat(server.get("/api/v1/search?cursor=AAAA").statusCode()).isEqualTo(400);
        assertThat(server.get("/api/v1/search?limit=-1").statusCode()).isEqualTo(400);
        assertThat(server.get("/api/v1/search?sort=sideways").statusCode()).isEqualTo(400);
        assertThat(server.get("/api/v1/search?from=yesterday").statusCode()).isEqualTo(400);
        assertThat(server.get("/api/v1/search?q=" + "a".repeat(2_000)).statusCode()).isEqualTo(400);
        assertThat(server.get("/api/v1/search?q=" + "a".repeat(10_000)).statusCode()).isBetween(400, 499);
        for (String q : new String[] {"title:harbour", "*:*", "(((", "\"unbalanced", "harbour^10 OR ~", "a AND OR NOT"}) {
            HttpResponse<String> r = server.get("/api/v1/search?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8));
            assertThat(r.statusCode()).as(q).isEqualTo(200);
        }
    }
}
