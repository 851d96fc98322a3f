package io.vitrine.rendition.vips;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vitrine.rendition.RenditionException;
import io.vitrine.testing.TestMedia;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HostileImageTest {
    final VipsImageRenderer renderer = new VipsImageRenderer(VipsImageRendererTest.VIPS);

    @TempDir
    Path tmp;

    Path out;

    @org.junit.jupiter.api.BeforeEach
    void outputFolder() throws IOException {
        out = Files.createDirectories(tmp.resolve("out"));
    }

    @AfterEach
    void leaves_no_output_behind() throws IOException {
        try (var listing = Files.list(out)) {
            assertThat(listing).as("files left in outDir after a failure").isEmpty();
        }
    }

    @Test
    void rejects_image_over_pixel_limit() throws Exception {
        Path bomb = Files.write(tmp.resolve("bomb.png"), TestMedia.pngClaiming(100_000, 100_000));

        assertThatThrownBy(() -> renderer.render(bomb, "image/png", out))
                .isInstanceOf(RenditionException.class)
                .hasMessageStartingWith("image is 100000×100000 pixels, over the limit of 100,000,000 pixels");
    }

    @Test
    void pixel_limit_is_configurable() throws Exception {
        var strict = new VipsImageRenderer(VipsImageRendererTest.VIPS, 1_000);
        Path photo = TestMedia.corpus("metadata/pillow-tests/hopper.png"); // 128×128

        assertThatThrownBy(() -> strict.render(photo, "image/png", out))
                .isInstanceOf(RenditionException.class)
                .hasMessage("image is 128×128 pixels, over the limit of 1,000 pixels");
    }

    @Test
    void rejects_truncated_jpeg_with_a_clear_reason() throws Exception {
        byte[] whole = Files.readAllBytes(TestMedia.corpus("photos/exif-parser/starfish.jpg"));
        Path half = Files.write(tmp.resolve("half.jpg"), java.util.Arrays.copyOf(whole, whole.length / 2));

        assertThatThrownBy(() -> renderer.render(half, "image/jpeg", out))
                .isInstanceOf(RenditionException.class)
                .hasMessageStartingWith("image file is truncated or damaged")
                .hasMessageContaining("Premature end");
    }

    @Test
    void rejects_truncated_png() throws Exception {
        byte[] whole = Files.readAllBytes(TestMedia.corpus("metadata/pillow-tests/hopper.png"));
        Path half = Files.write(tmp.resolve("half.png"), java.util.Arrays.copyOf(whole, whole.length / 2));

        assertThatThrownBy(() -> renderer.render(half, "image/png", out))
                .isInstanceOf(RenditionException.class)
                .hasMessageStartingWith("image file is truncated or damaged");
    }

    @Test
    void rejects_empty_file() throws Exception {
        Path empty = Files.createFile(tmp.resolve("empty.jpg"));

        assertThatThrownBy(() -> renderer.render(empty, "image/jpeg", out))
                .isInstanceOf(RenditionException.class).hasMessage("file is empty");
    }

    @Test
    void rejects_data_that_is_not_an_image() throws Exception {
        Path text = Files.writeString(tmp.resolve("notes.jpg"), "just some text, not a JPEG\n".repeat(50));

        assertThatThrownBy(() -> renderer.render(text, "image/jpeg", out))
                .isInstanceOf(RenditionException.class)
                .hasMessage("not an image format this server can read");
    }

    @Test
    void refuses_formats_only_imagemagick_would_read() throws Exception {
        Path postscript = Files.writeString(tmp.resolve("x.ps"), "%!PS-Adobe-3.0\n/Courier findfont 12 scalefont setfont\nshowpage\n");

        assertThatThrownBy(() -> renderer.render(postscript, "image/x-eps", out))
                .isInstanceOf(RenditionException.class)
                .hasMessage("not an image format this server can read");
    }
}
