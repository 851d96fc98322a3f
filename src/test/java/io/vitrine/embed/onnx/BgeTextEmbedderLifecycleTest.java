package io.vitrine.embed.onnx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Loading from a pulled model folder, and what a closed embedder does. */
class BgeTextEmbedderLifecycleTest {
    @TempDir Path folder;

    private void copyBundled(String resource, String target) throws IOException {
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(resource)) {
            Files.copy(in, folder.resolve(target));
        }
    }

    @Test
    void a_pulled_model_folder_gives_the_vectors_of_the_same_model_bundled() throws Exception {
        copyBundled(BgeTextEmbedder.Bundled.EN.model, "model.onnx");
        copyBundled(BgeTextEmbedder.Bundled.EN.tokenizer, "tokenizer.json");
        try (BgeTextEmbedder pulled = new BgeTextEmbedder(folder, "text:bge-small-en-v1.5-q@1", 1);
                BgeTextEmbedder bundled = BgeTextEmbedder.bundled(1)) {
            assertThat(pulled.dimensions()).isEqualTo(384);
            assertThat(pulled.embed("a lighthouse at night")).containsExactly(bundled.embed("a lighthouse at night"));
        }
    }

    @Test
    void a_folder_without_a_tokenizer_is_refused_with_the_reason() throws Exception {
        copyBundled(BgeTextEmbedder.Bundled.EN.model, "model.onnx");
        assertThatThrownBy(() -> new BgeTextEmbedder(folder, "text:x@1", 1))
                .isInstanceOf(IOException.class).hasMessageContaining("tokenizer.json");
    }

    @Test
    void a_closed_embedder_refuses_work_and_closes_only_once() throws Exception {
        BgeTextEmbedder embedder = BgeTextEmbedder.bundled(1);
        embedder.close();
        embedder.close();
        assertThatThrownBy(() -> embedder.embed("sunset")).isInstanceOf(IllegalStateException.class);
    }
}
