package io.vitrine.rendition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class CompositeRendererTest {

    record Fake(String prefix, String name) implements Renderer {
        @Override
        public boolean supports(String mediaType) {
            return mediaType.startsWith(prefix);
        }

        @Override
        public List<RenderedFile> render(Path source, String mediaType, Path outDir) {
            return List.of(new RenderedFile(name, name + "@v1", outDir.resolve(name), mediaType, 1, 1));
        }
    }

    final CompositeRenderer composite = new CompositeRenderer(List.of(
            new Fake("image/", "first"), new Fake("image/png", "second"), new Fake("video/", "video")));

    @Test
    void dispatches_to_the_first_renderer_that_supports_the_media_type() throws Exception {
        assertThat(composite.render(Path.of("x"), "image/png", Path.of("out"))).extracting(RenderedFile::name).containsExactly("first");
        assertThat(composite.render(Path.of("x"), "video/mp4", Path.of("out"))).extracting(RenderedFile::name).containsExactly("video");
    }

    @Test
    void supports_what_any_renderer_supports() {
        assertThat(composite.supports("video/webm")).isTrue();
        assertThat(composite.supports("text/plain")).isFalse();
    }

    @Test
    void rejects_media_types_nobody_renders() {
        assertThatThrownBy(() -> composite.render(Path.of("x"), "text/plain", Path.of("out")))
                .isInstanceOf(RenditionException.class)
                .hasMessage("no renditions for media type text/plain");
    }
}
