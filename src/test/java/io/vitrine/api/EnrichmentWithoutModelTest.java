package io.vitrine.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.vitrine.TestServer;
import io.vitrine.db.Json;
import io.vitrine.enrich.ModelManifest;
import io.vitrine.enrich.local.FileModelStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The server without the optional model, and with a model that cannot run. */
class EnrichmentWithoutModelTest {
    static final Path BALLOONS = EnrichmentApiTest.BALLOONS;

    @TempDir
    Path data;

    @Test
    void without_the_model_the_server_starts_says_tags_are_off_and_how_to_turn_them_on() throws Exception {
        assumeTrue(Files.isRegularFile(BALLOONS), "corpus photo absent; skipping");
        try (TestServer server = new TestServer(data, Map.of())) {
            JsonNode tags = server.json(server.get("/api/v1/capabilities")).path("capabilities").get(0);
            assertThat(tags.path("name").asText()).isEqualTo("tags");
            assertThat(tags.path("enabled").asBoolean()).isFalse();
            assertThat(tags.path("reason").asText()).contains("not installed").contains("vitrine models pull mobilenetv2-12-int8");
            // what runs without a pulled model says so: the bundled text embedder and hash-based duplicates
            JsonNode all = server.json(server.get("/api/v1/capabilities")).path("capabilities");
            java.util.Map<String, JsonNode> byName = new java.util.HashMap<>();
            all.forEach(c -> byName.put(c.path("name").asText(), c));
            assertThat(byName.get("embeddings").path("enabled").asBoolean()).isTrue();
            assertThat(byName.get("embeddings").path("model").asText()).startsWith("text:bge-small-en-v1.5");
            assertThat(byName.get("duplicates").path("enabled").asBoolean()).isTrue();
            assertThat(byName.get("duplicates").path("reason").asText()).contains("crops need `vitrine models pull mobilenetv2-12-int8`");

            String id = server.json(server.upload("b.jpg", Files.readAllBytes(BALLOONS))).path("id").asText();
            JsonNode a = EnrichmentApiTest.await(server, id, "", EnrichmentApiTest::enriched);
            assertThat(a.path("status").asText()).isEqualTo("ready");
            assertThat(a.path("tags").size()).isZero();
            assertThat(a.path("palette").size()).isPositive();
            assertThat(a.path("enrichment").path("errors").size()).isZero();
        }
    }

    @Test
    void a_model_that_fails_marks_only_its_step_failed_with_the_reason() throws Exception {
        assumeTrue(Files.isRegularFile(BALLOONS), "corpus photo absent; skipping");
        installBrokenModel(data.resolve("models/mobilenetv2-12-int8"));
        try (TestServer server = new TestServer(data, Map.of())) {
            String id = server.json(server.upload("b.jpg", Files.readAllBytes(BALLOONS))).path("id").asText();
            JsonNode a = EnrichmentApiTest.await(server, id, "",
                    x -> EnrichmentApiTest.enriched(x) && x.path("enrichment").path("errors").has("tags"));
            assertThat(a.path("status").asText()).isEqualTo("ready");
            assertThat(a.path("enrichment").path("errors").path("tags").asText()).contains("mobilenetv2-12-int8");
            assertThat(a.path("tags").size()).isZero();
            assertThat(a.path("palette").size()).isPositive();
            assertThat(a.path("quality").path("score").asInt()).isPositive();
        }
    }

    /** A manifest whose checksum matches bytes that are not an ONNX graph: installed, but it throws on load. */
    private static void installBrokenModel(Path dir) throws Exception {
        Files.createDirectories(dir);
        byte[] junk = "this is not an onnx graph".getBytes();
        Files.write(dir.resolve("broken.onnx"), junk);
        String sha = HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(junk));
        ModelManifest base = FileModelStore.bundledCatalogue(Json.mapper()).getFirst();
        ModelManifest m = new ModelManifest(base.name(), "broken", base.licence(), base.capability(), "test", base.repo(),
                base.revision(), List.of(new ModelManifest.ModelFile("broken.onnx", sha, junk.length, null)), Map.of(), Map.of(),
                Map.of());
        Files.writeString(dir.resolve("manifest.json"), Json.mapper().writeValueAsString(m));
    }
}
