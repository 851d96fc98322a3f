package io.vitrine.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.vitrine.TestServer;
import io.vitrine.enrich.ModelServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Enrichment without its model or tool, or with one that fails: the asset and the other steps are untouched. */
class FacesAndTextDegradedTest {
    static final Path PORTRAIT = Path.of("../shared/corpus/photos/python-matplotlib-data/grace_hopper.jpg");

    @TempDir
    Path data;

    private static JsonNode capability(TestServer s, String name) throws Exception {
        for (JsonNode c : s.json(s.get("/api/v1/capabilities")).path("capabilities")) {
            if (c.path("name").asText().equals(name)) {
                return c;
            }
        }
        throw new AssertionError("no capability " + name);
    }

    private static JsonNode await(TestServer s, String id, java.util.function.Predicate<JsonNode> done) throws Exception {
        return EnrichmentApiTest.await(s, id, "", done);
    }

    @Test
    void capabilities_report_faces_and_ocr_off_with_how_to_turn_them_on_and_uploads_still_work() throws Exception {
        assumeTrue(Files.isRegularFile(PORTRAIT), "../shared photos absent; skipping");
        try (TestServer s = new TestServer(data, Map.of("VITRINE_TESSERACT", data.resolve("no-such-tesseract").toString()))) {
            JsonNode faces = capability(s, "faces");
            assertThat(faces.path("enabled").asBoolean()).isFalse();
            assertThat(faces.path("reason").asText()).contains("vitrine models pull yunet_n_640_640");
            JsonNode ocr = capability(s, "ocr");
            assertThat(ocr.path("enabled").asBoolean()).isFalse();
            assertThat(ocr.path("reason").asText()).contains("tesseract-ocr");

            String id = s.json(s.upload("p.jpg", Files.readAllBytes(PORTRAIT))).path("id").asText();
            JsonNode a = await(s, id, x -> x.path("quality").has("score"));
            assertThat(a.path("status").asText()).isEqualTo("ready");
            assertThat(a.path("faces")).isEmpty();
            assertThat(a.path("text")).isEmpty();
            assertThat(a.path("enrichment").path("errors").has("faces")).isFalse();
        }
    }

    /**
     * A tesseract that hangs (as on a hostile image) is stopped after the configured timeout; a face
     * model that no longer loads fails its step. Each marks only its own step failed, with the reason.
     */
    @Test
    void a_hanging_ocr_and_a_broken_face_model_mark_only_their_own_steps_failed() throws Exception {
        assumeTrue(Files.isRegularFile(PORTRAIT) && ModelServer.installShared(data, "yunet_n_640_640"),
                "../shared model or photos absent; skipping");
        Files.writeString(data.resolve("models/yunet_n_640_640/yunet_n_640_640.onnx"), "not an onnx graph");
        Path hanging = data.resolve("tesseract");
        Files.writeString(hanging, """
                #!/bin/sh
                case "$1" in
                  --version) echo "tesseract 5.3.0" ;;
                  --list-langs) printf 'List of available languages (1):\\neng\\n' ;;
                  *) exec sleep 60 ;;
                esac
                """);
        Files.setPosixFilePermissions(hanging, PosixFilePermissions.fromString("rwx------"));
        try (TestServer s = new TestServer(data, Map.of("VITRINE_TESSERACT", hanging.toString(),
                "VITRINE_OCR_TIMEOUT_SECONDS", "1"))) {
            assertThat(capability(s, "ocr").path("enabled").asBoolean()).isTrue();
            String id = s.json(s.upload("p.jpg", Files.readAllBytes(PORTRAIT))).path("id").asText();
            long start = System.nanoTime();
            JsonNode a = await(s, id, x -> x.path("enrichment").path("errors").has("ocr"));
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(45));
            JsonNode errors = a.path("enrichment").path("errors");
            assertThat(errors.path("ocr").asText()).contains("did not finish within 1 s");
            assertThat(errors.path("faces").asText()).contains("cannot be loaded");
            assertThat(errors.has("palette")).isFalse();
            assertThat(errors.has("quality")).isFalse();
            assertThat(a.path("status").asText()).isEqualTo("ready");
            assertThat(a.path("palette")).isNotEmpty();
            assertThat(a.path("quality").path("score").asInt()).isPositive();
        }
    }
}
