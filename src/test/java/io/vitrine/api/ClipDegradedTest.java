package io.vitrine.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.vitrine.TestServer;
import io.vitrine.Models;
import io.vitrine.config.ConfigLoader;
import io.vitrine.enrich.ModelException;
import io.vitrine.enrich.ModelManifest;
import io.vitrine.enrich.onnx.TinyClip;
import java.awt.Color;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A broken CLIP model never stops the server: capabilities say why CLIP is off, assets are still processed. */
class ClipDegradedTest {
    @TempDir
    Path data;
    @TempDir
    Path exports;

    @Test
    void install_refuses_an_export_that_does_not_load_and_installs_nothing() throws Exception {
        assumeTrue(TinyClip.available(), "../shared/models/bpe_simple_vocab_16e6.txt.gz absent; skipping");
        Path broken = TinyClip.write(exports.resolve("broken"));
        Files.delete(broken.resolve("textual/tokenizer.json"));
        var config = ConfigLoader.load(Map.of("VITRINE_DATA", data.toString()));
        assertThatThrownBy(() -> Models.installClip(config, broken, "broken-clip", "1", "MIT"))
                .isInstanceOf(ModelException.class).hasMessageContaining("textual/tokenizer.json");
        assertThat(Models.modelStore(config).installedModels()).isEmpty();
    }

    @Test
    void a_corrupt_installed_graph_turns_clip_off_with_the_reason_and_the_server_still_works() throws Exception {
        assumeTrue(TinyClip.available(), "../shared/models/bpe_simple_vocab_16e6.txt.gz absent; skipping");
        Path corrupt = TinyClip.write(exports.resolve("corrupt"));
        Files.write(corrupt.resolve("visual/model.onnx"), new byte[] {8, 1, 2, 3});
        // copied in past the install check, as a disk fault or a hand-made folder would
        Models.modelStore(ConfigLoader.load(Map.of("VITRINE_DATA", data.toString()))).install(new ModelManifest("bad-clip", "1", "MIT",
                "clip", "test", null, null, List.of(), null, null, null), corrupt);
        try (TestServer server = new TestServer(data, Map.of())) {
            assertThat(server.get("/health").statusCode()).isEqualTo(200);
            String id = server.json(server.upload("?onDuplicate=allow", "red.jpg", ClipApiTest.jpeg(Color.RED), null)).path("id").asText();
            JsonNode asset = server.awaitSettled(id);
            assertThat(asset.path("status").asText()).isEqualTo("ready");
            JsonNode clip = null;
            for (JsonNode c : server.json(server.get("/api/v1/capabilities")).path("capabilities")) {
                if (c.path("name").asText().equals("clip")) {
                    clip = c;
                }
            }
            assertThat(clip.path("enabled").asBoolean()).isFalse();
            assertThat(clip.path("reason").asText()).contains("bad-clip").contains("visual/model.onnx is not a loadable ONNX graph");
            assertThat(server.get("/api/v1/search?q=red").statusCode()).isEqualTo(200);
        }
    }

    @Test
    void without_a_clip_model_capabilities_say_how_to_install_one() throws Exception {
        try (TestServer server = new TestServer(data, Map.of())) {
            JsonNode caps = server.json(server.get("/api/v1/capabilities")).path("capabilities");
            JsonNode clip = null;
            for (JsonNode c : caps) {
                if (c.path("name").asText().equals("clip")) {
                    clip = c;
                }
            }
            assertThat(clip.path("enabled").asBoolean()).isFalse();
            assertThat(clip.path("reason").asText()).contains("vitrine models install");
        }
    }
}
