package io.vitrine.rendition.vips;

import static org.assertj.core.api.Assertions.assertThat;

import io.vitrine.rendition.RenderedFile;
import io.vitrine.testing.TestMedia;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class VipsImageRendererTest {
    static final Vips VIPS = Vips.load();
    final VipsImageRenderer renderer = new VipsImageRenderer(VIPS);

    @TempDir
    Path out;

    static Map<String, RenderedFile> byName(List<RenderedFile> files) {
        return files.stream().collect(Collectors.toMap(RenderedFile::name, Function.identity()));
    }

    @Test
    void renders_web_preview_and_thumb_with_versioned_recipes() throws Exception {
        Path photo = TestMedia.corpus("photos/exiv2/exiv2-bug922a.jpg"); // 6000×4000

        var files = byName(renderer.render(photo, "image/jpeg", out));

        assertThat(files.get("web")).extracting(RenderedFile::recipe, RenderedFile::mediaType, RenderedFile::width, RenderedFile::height)
                .containsExactly("web@v1", "image/webp", 2048, 1365);
        assertThat(files.get("preview")).extracting(RenderedFile::recipe, RenderedFile::mediaType, RenderedFile::width, RenderedFile::height)
                .containsExactly("preview@v1", "image/jpeg", 1024, 683);
        assertThat(files.get("thumb")).extracting(RenderedFile::recipe, RenderedFile::mediaType, RenderedFile::width, RenderedFile::height)
                .containsExactly("thumb@v1", "image/jpeg", 256, 171);
        BufferedImage thumb = Pixels.read(files.get("thumb").file());
        assertThat(thumb.getWidth()).isEqualTo(256);
        try (var listing = Files.list(out)) {
            assertThat(listing.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("web.webp", "preview.jpg", "thumb.jpg");
        }
    }

    @Test
    void never_upscales_small_images() throws Exception {
        var files = renderer.render(TestMedia.corpus("metadata/pillow-tests/exif_gps.jpg"), "image/jpeg", out);

        assertThat(files).hasSize(3).allSatisfy(f -> assertThat(List.of(f.width(), f.height())).containsExactly(8, 8));
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 3, 4, 5, 6, 7, 8})
    void applies_exif_orientation_to_thumbnails(int orientation) throws Exception {
        Path upright = TestMedia.corpus("metadata/pillow-tests/g4_orientation_1.tif");
        Path rotated = TestMedia.corpus("metadata/pillow-tests/g4_orientation_" + orientation + ".tif");

        var expected = byName(renderer.render(upright, "image/tiff", out.resolve(dir("a")))).get("thumb");
        var actual = byName(renderer.render(rotated, "image/tiff", out.resolve(dir("b")))).get("thumb");

        assertThat(List.of(actual.width(), actual.height())).containsExactly(expected.width(), expected.height());
        assertThat(Pixels.meanDifference(Pixels.read(actual.file()), Pixels.read(expected.file()))).isLessThan(8);
    }

    @Test
    void applies_exif_orientation_to_jpeg_photos() throws Exception {
        Path upright = TestMedia.corpus("metadata/pillow-tests/hopper.png");
        Path rotated = TestMedia.corpus("metadata/pillow-tests/hopper_orientation_6.jpg");

        var expected = byName(renderer.render(upright, "image/png", out.resolve(dir("a")))).get("thumb");
        var actual = byName(renderer.render(rotated, "image/jpeg", out.resolve(dir("b")))).get("thumb");

        assertThat(Pixels.meanDifference(Pixels.read(actual.file()), Pixels.read(expected.file()))).isLessThan(12);
    }

    @Test
    void keeps_saturated_colours_of_untagged_images() throws Exception {
        var blue = new BufferedImage(64, 64, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 64; y++) {
            for (int x = 0; x < 64; x++) {
                blue.setRGB(x, y, 0x0000ff);
            }
        }
        Path png = out.resolve("blue.png");
        javax.imageio.ImageIO.write(blue, "png", png.toFile());

        var thumb = byName(renderer.render(png, "image/png", Files.createDirectories(out.resolve("r")))).get("thumb");

        int[] centre = Pixels.rgb(Pixels.read(thumb.file()), 32, 32);
        assertThat(centre[0]).isLessThan(20);
        assertThat(centre[1]).isLessThan(20);
        assertThat(centre[2]).isGreaterThan(235);
    }

    @Test
    void converts_cmyk_to_srgb() throws Exception {
        Path cmyk = TestMedia.corpus("metadata/pillow-tests/pil_sample_cmyk.jpg"); // dark slate background, red "RED"

        var thumb = byName(renderer.render(cmyk, "image/jpeg", out)).get("thumb");

        BufferedImage image = Pixels.read(thumb.file());
        assertThat(image.getColorModel().getNumComponents()).isEqualTo(3);
        int[] background = Pixels.rgb(image, 5, 95);
        assertThat(background[0]).isLessThan(80); // inverted CMYK would come out light
        assertThat(background[2]).isLessThan(90);
        int[] redBar = Pixels.rgb(image, 4, 1);
        assertThat(redBar[0]).isGreaterThan(180);
        assertThat(redBar[1]).isLessThan(110);
    }

    @Test
    void converts_cmyk_with_embedded_profile_to_srgb() throws Exception {
        Path cmyk = TestMedia.corpus("metadata/commons-imaging/IMAGING-136/1402522741337.jpg"); // black ink on white

        var thumb = byName(renderer.render(cmyk, "image/jpeg", out)).get("thumb");

        int[] paper = Pixels.rgb(Pixels.read(thumb.file()), 2, 2);
        assertThat(java.util.Arrays.stream(paper).min().orElseThrow()).isGreaterThan(220);
    }

    @Test
    void flattens_alpha_on_white_for_jpeg_and_keeps_it_in_webp() throws Exception {
        Path rgba = TestMedia.corpus("metadata/vips-test-suite/rgba.png");

        var files = byName(renderer.render(rgba, "image/png", out));

        BufferedImage thumb = Pixels.read(files.get("thumb").file());
        assertThat(thumb.getColorModel().hasAlpha()).isFalse();
        try (VipsImage web = VIPS.open(files.get("web").file())) {
            assertThat(web.bands()).isEqualTo(4);
        }
        try (VipsImage original = VIPS.open(rgba)) {
            assertThat(original.hasAlpha()).isTrue();
        }
        assertThat(Pixels.rgb(thumb, 0, 0)).containsExactly(255, 255, 255);
    }

    @ParameterizedTest
    @ValueSource(strings = {"hopper.gif", "hopper.tif", "hopper.webp", "hopper.bmp", "hopper.png", "hopper_16bit_qtables.jpg", "tiff_16bit_RGBa.tiff"})
    void renders_common_raster_formats(String name) throws Exception {
        var files = renderer.render(TestMedia.corpus("metadata/pillow-tests/" + name), "image/x-test", out);

        assertThat(files).extracting(RenderedFile::name).containsExactly("web", "preview", "thumb");
        assertThat(Pixels.read(files.getLast().file()).getWidth()).isPositive();
    }

    @Test
    void renders_heic_when_libvips_has_heifload() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(VIPS.hasOperation("heifload"), "no heifload in this libvips");

        var thumb = byName(renderer.render(TestMedia.corpus("metadata/libheif-corpus/colors-no-alpha.heic"), "image/heic", out)).get("thumb");

        assertThat(List.of(thumb.width(), thumb.height())).containsExactly(64, 64);
    }

    @Test
    void renders_first_page_of_pdf() throws Exception {
        var files = byName(renderer.render(TestMedia.corpus("documents/debian-refcard/refcard-en-lt.pdf"), "application/pdf", out));

        assertThat(Math.max(files.get("thumb").width(), files.get("thumb").height())).isEqualTo(256);
        // Vector pages have no native pixel size: they are rendered at the full box, not at 72 dpi.
        assertThat(Math.max(files.get("web").width(), files.get("web").height())).isEqualTo(2048);
    }

    @Test
    void renders_first_page_of_pdf_with_pdftoppm_when_pdfload_is_missing() throws Exception {
        var fallback = new VipsImageRenderer(VIPS, VipsImageRenderer.DEFAULT_MAX_PIXELS,
                new PdftoppmRasterizer(VIPS, new io.vitrine.rendition.process.ProcessRunner(java.time.Duration.ofSeconds(60))));

        var thumb = byName(fallback.render(TestMedia.corpus("documents/debian-refcard/refcard-en-lt.pdf"), "application/pdf", out)).get("thumb");

        assertThat(Math.max(thumb.width(), thumb.height())).isEqualTo(256);
        try (var listing = Files.list(out)) {
            assertThat(listing.map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith("pdf-page"));
        }
    }

    private Path dir(String name) throws Exception {
        return Files.createDirectories(out.resolve(name));
    }
}
