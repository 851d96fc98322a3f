package io.vitrine.ingest.tika;

import static io.vitrine.testing.TestMedia.corpus;
import static org.assertj.core.api.Assertions.assertThat;

import io.vitrine.ingest.ContentTypeDetector;
import io.vitrine.ingest.ContentTypeDetector.Detection;
import io.vitrine.testing.TestMedia;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.tika.config.TikaConfig;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TikaContentTypeDetectorTest {

    private static ContentTypeDetector detector;

    @TempDir Path dir;

    @BeforeAll
    static void tika() throws Exception {
        detector = new TikaContentTypeDetector(new TikaConfig());
    }

    /** Every file is copied under a neutral name so that only the bytes can decide. */
    @ParameterizedTest
    @CsvSource({
        "metadata/exiftool-t-images/GPS.jpg, image/jpeg",
        "metadata/exiftool-t-images/PNG.png, image/png",
        "metadata/exiftool-t-images/ExifTool.tif, image/tiff",
        "metadata/pillow-tests/hopper_orientation_8.webp, image/webp",
        "metadata/exiftool-t-images/GIF.gif, image/gif",
        "metadata/exiftool-t-images/QuickTime.heic, image/heic",
        "metadata/exiv2-testdata/avif.avif, image/avif",
        "documents/pdf-parse/01-valid.pdf, application/pdf",
        "metadata/exiftool-t-images/QuickTime.mov, video/quicktime",
        "audio/whisper-jfk/jfk.mp3, audio/mpeg",
        "audio/whisper-jfk/jfk.wav, audio/wav",
        "metadata/exiftool-t-images/Vorbis.ogg, audio/ogg",
        "metadata/exiftool-t-images/FLAC.flac, audio/flac",
        "documents/tika-msoffice/testWORD.docx, application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "documents/tika-msoffice/testEXCEL.xlsx, application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "documents/tika-msoffice/testPPT.pptx, application/vnd.openxmlformats-officedocument.presentationml.presentation",
        "documents/tika-msoffice/testWORD.doc, application/msword",
        "documents/tika-msoffice/testEXCEL.xls, application/vnd.ms-excel",
        "documents/tika-msoffice/testPPT.ppt, application/vnd.ms-powerpoint",
        "documents/tika-msoffice/testRTF.rtf, application/rtf",
        "metadata/vips-test-suite/logo.svg, image/svg+xml",
    })
    void detects_type_from_content_alone(String relative, String expected) throws Exception {
        Path copy = Files.copy(corpus(relative), dir.resolve("upload"));

        Detection detection = detector.detect(copy, "upload");

        assertThat(detection).isEqualTo(new Detection(expected, null, false));
    }

    @Test
    void detects_jpeg_named_png_as_mismatch() throws Exception {
        Path jpeg = corpus("metadata/exiftool-t-images/GPS.jpg");

        Detection detection = detector.detect(jpeg, "holiday.png");

        assertThat(detection).isEqualTo(new Detection("image/jpeg", "image/png", true));
    }

    @Test
    void reports_matching_name_without_mismatch_and_folds_aliases() throws Exception {
        Path wav = corpus("audio/whisper-jfk/jfk.wav");

        Detection detection = detector.detect(wav, "JFK.WAV");

        assertThat(detection).isEqualTo(new Detection("audio/wav", "audio/wav", false));
    }

    @Test
    void refines_plain_text_to_csv_by_name() throws Exception {
        Path csv = Files.writeString(dir.resolve("data"), "a,b\n1,2\n", StandardCharsets.UTF_8);

        assertThat(detector.detect(csv, "table.csv")).isEqualTo(new Detection("text/csv", "text/csv", false));
        assertThat(detector.detect(csv, "notes")).isEqualTo(new Detection("text/plain", null, false));
    }

    @Test
    void does_not_let_a_text_file_pass_as_an_image() throws Exception {
        Path text = Files.writeString(dir.resolve("x"), "just words, no pixels\n");

        assertThat(detector.detect(text, "photo.jpg")).isEqualTo(new Detection("text/plain", "image/jpeg", true));
    }

    @Test
    void treats_empty_file_as_octet_stream() throws Exception {
        Path empty = Files.createFile(dir.resolve("empty.txt"));

        Detection detection = detector.detect(empty, "empty.txt");

        assertThat(detection.mediaType()).isEqualTo("application/octet-stream");
    }

    @Test
    void keeps_encrypted_ooxml_under_its_office_name() throws Exception {
        Path docx = corpus("documents/tika-msoffice/testWORD_protected_passtika.docx");

        Detection detection = detector.detect(docx, "secret.docx");

        assertThat(detection.mediaType())
                .isEqualTo("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
        assertThat(detection.mismatch()).isFalse();
    }

    @ParameterizedTest
    @CsvSource({
        "clip.mp4, video/mp4, -c:v mpeg4 -c:a aac",
        "clip.webm, video/webm, -c:v libvpx -c:a libopus",
        "clip.mov, video/quicktime, -c:v mpeg4 -c:a aac",
    })
    void detects_generated_videos_by_container(String name, String expected, String codecs) throws Exception {
        Path video = TestMedia.video(dir.resolve(name), codecs.split(" "));
        Path neutral = Files.move(video, dir.resolve("upload"));

        assertThat(detector.detect(neutral, "upload").mediaType()).isEqualTo(expected);
    }
}
