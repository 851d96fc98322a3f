package io.vitrine.rendition.vips;

import static org.assertj.core.api.Assertions.assertThat;

import com.drew.imaging.ImageMetadataReader;
import com.drew.metadata.Directory;
import com.drew.metadata.Metadata;
import com.drew.metadata.exif.ExifIFD0Directory;
import com.drew.metadata.exif.GpsDirectory;
import io.vitrine.rendition.RenderedFile;
import io.vitrine.testing.TestMedia;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Renditions carry no private metadata, and SVG cannot reach outside its own bytes. */
class SafeOutputTest {
    final VipsImageRenderer renderer = new VipsImageRenderer(VipsImageRendererTest.VIPS);

    @TempDir
    Path tmp;

    @Test
    void strips_gps_from_renditions() throws Exception {
        Path gps = TestMedia.corpus("metadata/pillow-tests/exif_gps.jpg");
        assertThat(ImageMetadataReader.readMetadata(gps.toFile()).getFirstDirectoryOfType(GpsDirectory.class))
                .as("the test file must have GPS to begin with").isNotNull();

        List<RenderedFile> files = renderer.render(gps, "image/jpeg", Files.createDirectories(tmp.resolve("out")));

        assertThat(files).hasSize(3).allSatisfy(file -> {
            Metadata metadata = ImageMetadataReader.readMetadata(file.file().toFile());
            assertThat(metadata.getFirstDirectoryOfType(GpsDirectory.class)).isNull();
            assertThat(metadata.getFirstDirectoryOfType(ExifIFD0Directory.class)).isNull();
            assertThat(StreamSupport.stream(metadata.getDirectories().spliterator(), false).map(Directory::getName))
                    .noneMatch(name -> name.contains("XMP") || name.contains("IPTC") || name.contains("ICC"));
        });
    }

    @Test
    void rasterizes_svg_without_running_scripts() throws Exception {
        Path svg = Files.writeString(tmp.resolve("script.svg"), """
                <svg xmlns="http://www.w3.org/2000/svg" width="200" height="100">
                  <script>document.querySelector('rect').setAttribute('fill', 'red')</script>
                  <rect width="200" height="100" fill="#0000ff" onload="this.setAttribute('fill','red')"/>
                </svg>
                """);

        var files = renderer.render(svg, "image/svg+xml", Files.createDirectories(tmp.resolve("out")));

        RenderedFile thumb = files.getLast();
        assertThat(List.of(thumb.width(), thumb.height())).containsExactly(256, 128);
        int[] centre = Pixels.rgb(Pixels.read(thumb.file()), 128, 64);
        assertThat(centre[2]).isGreaterThan(200);
        assertThat(centre[0]).isLessThan(40);
    }

    @Test
    void rasterizes_svg_without_loading_files_it_references() throws Exception {
        Path secret = tmp.resolve("secret.png");
        try (VipsImage red = VipsImageRendererTest.VIPS.open(TestMedia.corpus("metadata/pillow-tests/hopper.png"))) {
            VipsImageRendererTest.VIPS.save("vips_pngsave", red, secret, List.of());
        }
        Path svg = Files.writeString(tmp.resolve("refs.svg"), """
                <svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="100" height="100">
                  <rect width="100" height="100" fill="white"/>
                  <image x="0" y="0" width="100" height="100" xlink:href="%s"/>
                  <image x="0" y="0" width="100" height="100" xlink:href="secret.png"/>
                </svg>
                """.formatted(secret.toUri()));

        var files = renderer.render(svg, "image/svg+xml", Files.createDirectories(tmp.resolve("out")));

        BufferedImage thumb = Pixels.read(files.getLast().file());
        for (int[] point : new int[][] {{20, 20}, {128, 128}, {200, 60}}) {
            assertThat(Pixels.rgb(thumb, point[0], point[1])).containsExactly(255, 255, 255);
        }
    }

    @Test
    void rasterizes_corpus_svg() throws Exception {
        var files = renderer.render(TestMedia.corpus("metadata/vips-test-suite/logo.svg"), "image/svg+xml",
                Files.createDirectories(tmp.resolve("out")));

        assertThat(files).extracting(RenderedFile::name).containsExactly("web", "preview", "thumb");
        assertThat(Math.max(files.getLast().width(), files.getLast().height())).isEqualTo(256);
    }
}
