package io.vitrine.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.vitrine.TestServer;
import io.vitrine.enrich.ModelServer;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Enrichment end to end: the real server, the real MobileNet pulled from a local HTTP server. */
class EnrichmentApiTest {
    static final String MODEL = "mobilenetv2-12-int8";
    static final Path BALLOONS = Path.of("../shared/corpus/photos/imagingbook/Balloons600.jpg");

    @TempDir
    static Path data;
    static TestServer server;

    @BeforeAll
    static void start() throws Exception {
        assumeTrue(Files.isRegularFile(BALLOONS) && ModelServer.installShared(data, MODEL),
                "../shared model or photos absent; skipping");
        server = new TestServer(data, Map.of());
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    /** Polls the asset until the condition holds (enrichment runs after the asset is ready). */
    static JsonNode await(TestServer s, String id, String query, Predicate<JsonNode> done) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        JsonNode a = null;
        while (System.nanoTime() < deadline) {
            a = s.json(s.get("/api/v1/assets/" + id + query));
            if (done.test(a)) {
                return a;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("condition not reached: " + a);
    }

    static boolean enriched(JsonNode a) {
        return a.path("quality").has("score");
    }

    private String uploadBalloons(String name) throws Exception {
        // the same bytes would be linked to one asset: every test gets its own
        return server.json(server.upload("?onDuplicate=allow", name, Files.readAllBytes(BALLOONS), null)).path("id").asText();
    }

    @Test
    void a_balloon_photo_gets_a_draft_balloon_tag_with_model_and_version_plus_palette_and_quality() throws Exception {
        JsonNode a = await(server, uploadBalloons("b1.jpg"), "", EnrichmentApiTest::enriched);
        assertThat(a.path("status").asText()).isEqualTo("ready");
        JsonNode tag = a.path("tags").get(0);
        assertThat(tag.path("concept").asText()).isEqualTo("balloon");
        assertThat(tag.path("label").asText()).isEqualTo("balloon");
        assertThat(tag.path("status").asText()).isEqualTo("draft");
        assertThat(tag.path("source").asText()).isEqualTo("ai");
        assertThat(tag.path("model").asText()).isEqualTo(MODEL);
        assertThat(tag.path("modelVersion").asText()).isEqualTo("12-int8");
        assertThat(tag.path("confidence").asDouble()).isBetween(0.3, 1.0);
        assertThat(tag.path("createdAt").asText()).isNotBlank();
        assertThat(a.path("palette").size()).isBetween(1, 5);
        assertThat(a.path("palette").get(0).path("hex").asText()).matches("#[0-9a-f]{6}");
        assertThat(a.path("palette").get(0).path("name").asText()).isNotBlank();
        assertThat(a.path("quality").path("score").asInt()).isBetween(1, 100);
        assertThat(a.path("quality").path("components").path("sharpness").asInt()).isBetween(0, 100);
        assertThat(a.path("enrichment").path("errors").size()).isZero();
    }

    @Test
    void tag_labels_follow_lang_and_accept_language() throws Exception {
        String id = uploadBalloons("b2.jpg");
        await(server, id, "", EnrichmentApiTest::enriched);
        assertThat(server.json(server.get("/api/v1/assets/" + id + "?lang=zh")).path("tags").get(0).path("label").asText()).isEqualTo("气球");
        HttpResponse<String> de = server.send(server.request("/api/v1/assets/" + id).header("Accept-Language", "de-DE,de;q=0.9").GET().build());
        assertThat(server.json(de).path("tags").get(0).path("label").asText()).isEqualTo("Ballon");
    }

    @Test
    void accepting_and_rejecting_a_tag_is_stored_with_its_time_and_moves_the_threshold() throws Exception {
        String id = uploadBalloons("b3.jpg");
        await(server, id, "", EnrichmentApiTest::enriched);
        HttpResponse<String> accepted = patch(id, "balloon", "{\"status\":\"accepted\"}");
        assertThat(accepted.statusCode()).isEqualTo(200);
        assertThat(server.json(accepted).path("status").asText()).isEqualTo("accepted");
        JsonNode tag = server.json(server.get("/api/v1/assets/" + id)).path("tags").get(0);
        assertThat(tag.path("status").asText()).isEqualTo("accepted");
        assertThat(tag.path("decidedAt").asText()).isNotBlank();

        assertThat(server.json(patch(id, "balloon", "{\"status\":\"rejected\"}")).path("status").asText()).isEqualTo("rejected");
        assertThat(patch(id, "castle", "{\"status\":\"accepted\"}").statusCode()).isEqualTo(404);
        assertThat(patch(id, "balloon", "{\"status\":\"maybe\"}").statusCode()).isEqualTo(400);
        assertThat(patch("nope", "balloon", "{\"status\":\"accepted\"}").statusCode()).isEqualTo(404);
        // the AI's tags and both decisions are events (the log replays them from the start)
        String events = server.get("/api/v1/events?lastEventId=0&timeout=0&types=asset.tagged,asset.tags.*").body();
        assertThat(events).contains("event: asset.tagged").contains("\"subject\":\"" + id + "\"")
                .contains("event: asset.tags.reviewed").contains("\"status\":\"accepted\"").contains("\"status\":\"rejected\"");
    }

    @Test
    void tags_are_searchable_in_every_language_and_by_broader_concept() throws Exception {
        String id = uploadBalloons("b4.jpg");
        await(server, id, "", EnrichmentApiTest::enriched);
        for (String q : new String[] {"Ballon", "气球", "globo", "aircraft"}) {
            JsonNode hits = awaitSearch(q, id);
            assertThat(hits.toString()).as(q).contains(id);
        }
    }

    private JsonNode awaitSearch(String q, String id) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        JsonNode r = null;
        while (System.nanoTime() < deadline) {
            r = server.json(server.get("/api/v1/search?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8)));
            if (r.toString().contains(id)) {
                return r;
            }
            Thread.sleep(100);
        }
        return r;
    }

    @Test
    void capabilities_say_tags_are_on_when_the_model_is_installed() throws Exception {
        JsonNode caps = server.json(server.get("/api/v1/capabilities")).path("capabilities");
        assertThat(caps.get(0).path("name").asText()).isEqualTo("tags");
        assertThat(caps.get(0).path("enabled").asBoolean()).isTrue();
    }

    private HttpResponse<String> patch(String id, String concept, String body) throws Exception {
        return server.send(server.request("/api/v1/assets/" + id + "/tags/" + concept)
                .header("Content-Type", "application/json").method("PATCH", HttpRequest.BodyPublishers.ofString(body)).build());
    }
}
