package io.vitrine.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.vitrine.TestServer;
import io.vitrine.enrich.ModelServer;
import io.vitrine.enrich.bench.PrintedText;
import io.vitrine.enrich.process.TesseractTextReader;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Faces and OCR end to end: the real server, YuNet pulled from a local HTTP server, the real tesseract. */
class FacesAndTextApiTest {
    static final Path PHOTOS = Path.of("../shared/corpus/photos");
    static final Path PORTRAIT = PHOTOS.resolve("python-matplotlib-data/grace_hopper.jpg");
    static final Path BABOON = PHOTOS.resolve("npm-baboon-image-uri/baboon.png");

    @TempDir
    static Path data;
    static TestServer server;
    static GovernanceClient gov;

    @BeforeAll
    static void start() throws Exception {
        assumeTrue(Files.isRegularFile(PORTRAIT) && ModelServer.installShared(data, "yunet_n_640_640"),
                "../shared model or photos absent; skipping");
        assumeTrue(new TesseractTextReader("tesseract", List.of("eng"), Duration.ofSeconds(5)).unavailable().isEmpty(),
                "tesseract not installed; skipping");
        server = new TestServer(data, Map.of());
        gov = new GovernanceClient(server);
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    private static String upload(String name, byte[] bytes) throws Exception {
        return server.json(server.upload("?onDuplicate=allow", name, bytes, null)).path("id").asText();
    }

    /** Faces and OCR run after the asset is ready: polls until the search index shows the asset under {@code query}. */
    static void awaitSearch(String query, String id) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode hits = server.json(server.get("/api/v1/search?" + query)).path("hits");
            for (JsonNode h : hits) {
                if (h.path("id").asText().equals(id)) {
                    return;
                }
            }
            Thread.sleep(150);
        }
        throw new AssertionError("asset " + id + " never found by " + query);
    }

    private static JsonNode asset(String id) throws Exception {
        return server.json(server.get("/api/v1/assets/" + id));
    }

    @Test
    void a_portrait_gets_one_draft_face_and_needs_portrait_rights_until_a_release_is_attached() throws Exception {
        String id = upload("hopper.jpg", Files.readAllBytes(PORTRAIT));
        awaitSearch("people=present&q=hopper", id);
        JsonNode a = asset(id);
        assertThat(a.path("faces")).hasSize(1);
        JsonNode face = a.path("faces").get(0);
        assertThat(face.path("confidence").asDouble()).isGreaterThan(0.9);
        assertThat(face.path("status").asText()).isEqualTo("draft");
        assertThat(face.path("model").asText()).isEqualTo("yunet_n_640_640");
        assertThat(face.path("box").path("width").asDouble()).isBetween(0.05, 1.0);
        assertThat(face.path("landmarks")).hasSize(5);
        assertThat(a.path("portraitRightsNeeded").asBoolean()).isTrue();
        assertThat(a.path("caption").path("text").asText()).contains("One person");
        assertThat(a.path("caption").path("status").asText()).isEqualTo("draft");
        assertThat(a.path("caption").path("model").asText()).isEqualTo("template@1");
        JsonNode de = server.json(server.get("/api/v1/assets/" + id + "?lang=de")).path("caption");
        assertThat(de.path("text").asText()).contains("Eine Person");
        assertThat(de.path("language").asText()).isEqualTo("de");

        gov.attach(id, gov.licence("{\"kind\":\"licence\",\"channels\":[\"web\"]}"));
        assertThat(asset(id).path("portraitRightsNeeded").asBoolean()).isTrue();
        gov.attach(id, gov.licence("{\"kind\":\"release\",\"channels\":[\"web\"],\"licensor\":\"the sitter\"}"));
        assertThat(asset(id).path("portraitRightsNeeded").asBoolean()).isFalse();
    }

    @Test
    void a_baboon_has_no_face_and_is_found_under_people_none() throws Exception {
        String id = upload("baboon.png", Files.readAllBytes(BABOON));
        awaitSearch("people=none&q=baboon", id);
        JsonNode a = asset(id);
        assertThat(a.path("faces")).isEmpty();
        assertThat(a.path("portraitRightsNeeded").asBoolean()).isFalse();
    }

    @Test
    void rejecting_the_only_face_clears_the_portrait_rights_flag_and_the_people_facet() throws Exception {
        String id = upload("hopper-rejected.jpg", Files.readAllBytes(PORTRAIT));
        awaitSearch("people=present&q=rejected", id);
        HttpResponse<String> r = patch(id, "1", "{\"status\":\"rejected\"}");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(server.json(r).path("decidedAt").asText()).isNotBlank();
        assertThat(asset(id).path("portraitRightsNeeded").asBoolean()).isFalse();
        awaitSearch("people=none&q=rejected", id);
        assertThat(patch(id, "9", "{\"status\":\"accepted\"}").statusCode()).isEqualTo(404);
        assertThat(patch(id, "one", "{\"status\":\"accepted\"}").statusCode()).isEqualTo(400);
        assertThat(patch(id, "1", "{\"status\":\"maybe\"}").statusCode()).isEqualTo(400);
    }

    @Test
    void an_unchanged_asset_is_skipped_and_a_forced_rerun_keeps_a_persons_decision_without_a_duplicate_draft() throws Exception {
        String id = upload("hopper-rerun.jpg", Files.readAllBytes(PORTRAIT));
        awaitSearch("people=present&q=rerun", id);
        var steps = server.vitrine().facesAndText();
        assertThat(steps.faces(id, false)).isFalse();
        assertThat(steps.text(id, false)).isFalse();
        assertThat(patch(id, "1", "{\"status\":\"accepted\"}").statusCode()).isEqualTo(200);
        assertThat(steps.faces(id, true)).isTrue(); // what `vitrine enrich --model faces --all` does
        JsonNode faces = asset(id).path("faces");
        assertThat(faces).hasSize(1);
        assertThat(faces.get(0).path("status").asText()).isEqualTo("accepted");
    }

    @Test
    void ocr_reads_a_printed_notice_and_search_finds_the_asset_by_a_word_in_it() throws Exception {
        var out = new ByteArrayOutputStream();
        ImageIO.write(PrintedText.render("Zeppelin hangar tours start at the north gate", "SansSerif", 36, true), "png", out);
        String id = upload("notice.png", out.toByteArray());
        awaitSearch("q=zeppelin", id);
        JsonNode text = asset(id).path("text").get(0);
        assertThat(text.path("source").asText()).isEqualTo("ocr");
        assertThat(text.path("content").asText()).contains("Zeppelin hangar tours");
        assertThat(text.path("language").asText()).isEqualTo("en");
        assertThat(text.path("confidence").asDouble()).isBetween(0.6, 1.0);
        assertThat(text.path("model").asText()).isEqualTo("tesseract");
        assertThat(text.path("status").asText()).isEqualTo("draft");
        assertThat(asset(id).path("caption").path("text").asText()).contains("Zeppelin hangar tours");
    }

    private static HttpResponse<String> patch(String id, String number, String body) throws Exception {
        return server.send(server.request("/api/v1/assets/" + id + "/faces/" + number)
                .header("Content-Type", "application/json").method("PATCH", HttpRequest.BodyPublishers.ofString(body)).build());
    }
}
