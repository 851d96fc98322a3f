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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Natural-language search over images nobody described, offline: the real tagger proposes concepts,
 * the bundled text embedder places them (ConSE) and the query in one space, and hybrid ranking finds
 * them. Also search by an example asset and by an uploaded image.
 */
class SemanticSearchApiTest {
    static final String MODEL = "mobilenetv2-12-int8";
    static final Path BALLOONS = Path.of("../shared/corpus/photos/imagingbook/Balloons600.jpg");
    static final Path CASTLE = Path.of("../shared/corpus/photos/imagingbook/Castle.png");

    @TempDir
    static Path data;
    static TestServer server;
    static String balloons;
    static String castle;

    @BeforeAll
    static void start() throws Exception {
        assumeTrue(Files.isRegularFile(BALLOONS) && Files.isRegularFile(CASTLE) && ModelServer.installShared(data, MODEL),
                "../shared model or photos absent; skipping");
        server = new TestServer(data, Map.of());
        balloons = upload("IMG_0001.jpg", BALLOONS);
        castle = upload("IMG_0002.png", CASTLE);
        server.upload("?onDuplicate=allow", "report.png", Media.png(80, 60, 9), "{\"title\":\"Quarterly tax report\"}");
        awaitSemantic("q=" + enc("hot air balloons"), balloons);
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    static String upload(String name, Path file) throws Exception {
        return server.json(server.upload("?onDuplicate=allow", name, Files.readAllBytes(file), null)).path("id").asText();
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    static JsonNode awaitSemantic(String query, String expectedFirst) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        JsonNode r = null;
        while (System.nanoTime() < deadline) {
            r = server.json(server.get("/api/v1/search?" + query));
            if (r.path("hits").size() > 0 && r.path("hits").get(0).path("id").asText().equals(expectedFirst)) {
                return r;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("never ranked " + expectedFirst + " first for " + query + ": " + r);
    }

    @Test
    void a_described_scene_finds_an_undescribed_photo_through_its_concepts() throws Exception {
        JsonNode r = awaitSemantic("q=" + enc("hot air balloons") + "&explain=true", balloons);
        JsonNode explain = r.path("hits").get(0).path("explain");
        assertThat(explain.fieldNames()).toIterable().anyMatch(k -> k.startsWith("vector:concepts."));
        assertThat(awaitSemantic("q=" + enc("a medieval fortress"), castle).path("hits").get(0).path("id").asText()).isEqualTo(castle);
    }

    @Test
    void similar_assets_leave_out_the_example_and_rank_by_likeness() throws Exception {
        HttpResponse<String> r = server.get("/api/v1/assets/" + balloons + "/similar?explain=true");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonNode hits = server.json(r).path("hits");
        assertThat(hits.findValuesAsText("id")).doesNotContain(balloons).contains(castle);
        assertThat(server.get("/api/v1/assets/" + balloons + "/similar?q=x").statusCode()).isEqualTo(400);
    }

    @Test
    void an_uploaded_example_image_finds_its_twin_and_is_not_stored() throws Exception {
        long before = server.json(server.get("/api/v1/assets?limit=200")).path("items").size();
        TestServer.Multipart body = new TestServer.Multipart().file("file", "example.jpg", Files.readAllBytes(BALLOONS));
        HttpResponse<String> r = server.send(server.request("/api/v1/search/by-image")
                .header("Content-Type", body.contentType()).POST(HttpRequest.BodyPublishers.ofByteArray(body.bytes())).build());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(server.json(r).path("hits").get(0).path("id").asText()).isEqualTo(balloons);
        assertThat(server.json(server.get("/api/v1/assets?limit=200")).path("items").size()).isEqualTo(before);

        TestServer.Multipart junk = new TestServer.Multipart().file("file", "junk.jpg", "not an image".getBytes(StandardCharsets.UTF_8));
        assertThat(server.send(server.request("/api/v1/search/by-image").header("Content-Type", junk.contentType())
                .POST(HttpRequest.BodyPublishers.ofByteArray(junk.bytes())).build()).statusCode()).isEqualTo(400);
    }
}
