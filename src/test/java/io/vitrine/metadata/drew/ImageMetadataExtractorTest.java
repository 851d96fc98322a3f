package io.vitrine.metadata.drew;

import static io.vitrine.testing.TestMedia.corpus;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.vitrine.metadata.ExtractedMetadata;
import io.vitrine.metadata.MetadataException;
import io.vitrine.metadata.NormalizedMetadata;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageMetadataExtractorTest {

    private final ImageMetadataExtractor extractor = new ImageMetadataExtractor();

    @TempDir Path dir;

    @Test
    void reads_gps_and_camera_from_exif() throws Exception {
        ExtractedMetadata m = extractor.extract(corpus("metadata/exiftool-t-images/GPS.jpg"), "image/jpeg");

        NormalizedMetadata n = m.normalized();
        // exiftool: 54 deg 59' 22.80" N, 1 deg 54' 51.00" W; FUJIFILM FinePixS1Pro; 2002:07:13 15:58:28
        assertThat(n.gps().latitude()).isCloseTo(54 + 59 / 60.0 + 22.8 / 3600, within(1e-9));
        assertThat(n.gps().longitude()).isCloseTo(-(1 + 54 / 60.0 + 51.0 / 3600), within(1e-9));
        assertThat(n.cameraMake()).isEqualTo("FUJIFILM");
        assertThat(n.cameraModel()).isEqualTo("FinePixS1Pro");
        assertThat(n.capturedAt()).isEqualTo(Instant.parse("2002-07-13T15:58:28Z"));
        assertThat(n.creator()).isEqualTo("Ian Britton");
        assertThat(n.copyright()).isEqualTo("ian Britton - FreeFoto.com");
        assertThat(m.width()).isEqualTo(120);
        assertThat(m.height()).isEqualTo(80);
        assertThat(m.technical()).containsEntry("format", "JPEG").containsEntry("colorSpace", "sRGB");
    }

    @Test
    void reads_altitude_below_and_above_sea_level() throws Exception {
        ExtractedMetadata m = extractor.extract(corpus("metadata/exiv2-testdata/Stonehenge.heic"), "image/heic");

        assertThat(m.normalized().gps().altitude()).isEqualTo(97.0);
        assertThat(m.normalized().cameraModel()).isEqualTo("NIKON D5300");
        assertThat(m.width()).isEqualTo(300);
    }

    @Test
    void merges_iptc_and_xmp_keywords_without_duplicates() throws Exception {
        ExtractedMetadata m = extractor.extract(corpus("metadata/exiftool-t-images/ExifTool.jpg"), "image/jpeg");

        NormalizedMetadata n = m.normalized();
        assertThat(n.keywords()).containsExactly("jambalaya", "ExifTool", "Test", "XMP");
        assertThat(n.title()).isEqualTo("Test IPTC picture");
        assertThat(n.description()).isEqualTo("A witty caption");
        assertThat(m.technical()).containsEntry("iccProfile", "Adobe RGB (1998)");
    }

    @Test
    void reads_xmp_when_there_is_no_iptc() throws Exception {
        ExtractedMetadata m = extractor.extract(corpus("metadata/exiftool-t-images/XMP.jpg"), "image/jpeg");

        assertThat(m.normalized().description()).isEqualTo("UTF-16 (big-endian) encoded XMP");
        assertThat(m.normalized().keywords()).containsExactly("ExifTool", "Test", "XMP");
        assertThat(m.raw()).containsKey("XMP");
        assertThat(((Map<?, ?>) m.raw().get("XMP")).keySet()).anyMatch(k -> k.toString().startsWith("dc:subject"));
    }

    @Test
    void applies_offset_time_original() throws Exception {
        Path photo = exiftool("-OffsetTimeOriginal=+02:00");

        Instant captured = extractor.extract(photo, "image/jpeg").normalized().capturedAt();

        assertThat(captured).isEqualTo(Instant.parse("2002-07-13T13:58:28Z"));
    }

    @Test
    void swaps_dimensions_for_rotated_orientation() throws Exception {
        Path photo = exiftool("-n", "-Orientation=6");

        ExtractedMetadata m = extractor.extract(photo, "image/jpeg");

        assertThat(m.orientation()).isEqualTo(6);
        assertThat(m.width()).isEqualTo(80);
        assertThat(m.height()).isEqualTo(120);
    }

    @Test
    void clips_oversized_values_in_the_raw_tree() throws Exception {
        Path photo = exiftool("-Comment=" + "x".repeat(60_000));

        ExtractedMetadata m = extractor.extract(photo, "image/jpeg");

        Map<?, ?> comment = (Map<?, ?>) m.raw().get("JpegComment");
        assertThat(comment.values()).singleElement().asString().hasSizeLessThanOrEqualTo(2049);
    }

    @Test
    void gives_empty_metadata_for_files_it_does_not_know() throws Exception {
        Path text = Files.writeString(dir.resolve("a.txt"), "hello");

        assertThat(extractor.extract(text, "text/plain")).isEqualTo(ExtractedMetadata.empty());
    }

    @Test
    void reports_truncated_jpeg_as_partial_or_metadata_exception() throws Exception {
        byte[] bytes = Files.readAllBytes(corpus("metadata/exiftool-t-images/ExifTool.jpg"));
        Path cut = Files.write(dir.resolve("cut.jpg"), java.util.Arrays.copyOf(bytes, bytes.length / 3));

        try {
            assertThat(extractor.extract(cut, "image/jpeg").raw()).isNotNull();
        } catch (MetadataException expected) {
            assertThat(expected.getMessage()).isNotBlank();
        }
    }

    private Path exiftool(String... args) throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/exiftool")), "exiftool not installed");
        Path photo = Files.copy(corpus("metadata/exiftool-t-images/GPS.jpg"), dir.resolve("photo.jpg"));
        var command = new java.util.ArrayList<>(java.util.List.of("/usr/bin/exiftool", "-q", "-overwrite_original"));
        command.addAll(java.util.List.of(args));
        command.add(photo.toString());
        Process p = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isZero();
        photo.toFile().setWritable(true);
        return photo;
    }
}
