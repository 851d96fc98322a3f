package io.vitrine.metadata.ffprobe;

import static io.vitrine.testing.TestMedia.corpus;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.vitrine.metadata.ExtractedMetadata;
import io.vitrine.metadata.MetadataException;
import io.vitrine.testing.TestMedia;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FfprobeMetadataExtractorTest {

    private final FfprobeMetadataExtractor extractor = new FfprobeMetadataExtractor();

    @TempDir Path dir;

    @Test
    void reads_codecs_duration_and_tags_of_a_video() throws Exception {
        Path video = TestMedia.video(dir.resolve("clip.mp4"), "-c:v", "mpeg4", "-c:a", "aac",
                "-metadata", "creation_time=2021-06-01T12:30:00Z", "-metadata", "title=Test pattern",
                "-metadata", "artist=Vitrine", "-metadata", "copyright=CC0", "-metadata", "comment=generated");

        ExtractedMetadata m = extractor.extract(video, "video/mp4");

        assertThat(m.width()).isEqualTo(64);
        assertThat(m.height()).isEqualTo(48);
        assertThat(m.technical()).containsEntry("videoCodec", "mpeg4").containsEntry("audioCodec", "aac")
                .containsEntry("frameRate", 10.0).containsEntry("sampleRate", 44100).containsEntry("channels", 1);
        assertThat((Double) m.technical().get("durationSeconds")).isCloseTo(1.0, within(0.1));
        assertThat(m.normalized().capturedAt()).isEqualTo(Instant.parse("2021-06-01T12:30:00Z"));
        assertThat(m.normalized().title()).isEqualTo("Test pattern");
        assertThat(m.normalized().creator()).isEqualTo("Vitrine");
        assertThat(m.normalized().copyright()).isEqualTo("CC0");
        assertThat(m.normalized().description()).isEqualTo("generated");
        assertThat(m.raw()).containsKeys("format", "stream 0 (video)", "stream 1 (audio)");
        assertThat(((Map<?, ?>) m.raw().get("format")).containsKey("filename")).isFalse();
    }

    @Test
    void swaps_dimensions_for_rotated_video() throws Exception {
        // ffmpeg 5.1 writes a display matrix for the rotate tag only when stream-copying.
        Path plain = TestMedia.video(dir.resolve("plain.mp4"), "-c:v", "mpeg4", "-an");
        Path video = TestMedia.ffmpeg(dir.resolve("portrait.mp4"), "-i", plain.toString(), "-c", "copy",
                "-metadata:s:v:0", "rotate=90");

        ExtractedMetadata m = extractor.extract(video, "video/mp4");

        assertThat(m.width()).isEqualTo(48);
        assertThat(m.height()).isEqualTo(64);
        assertThat(Math.abs((Integer) m.technical().get("rotation"))).isEqualTo(90);
    }

    @Test
    void reads_audio_files_from_the_corpus() throws Exception {
        ExtractedMetadata wav = extractor.extract(corpus("audio/whisper-jfk/jfk.wav"), "audio/wav");
        ExtractedMetadata mp3 = extractor.extract(corpus("audio/whisper-jfk/jfk.mp3"), "audio/mpeg");

        assertThat(wav.width()).isNull();
        assertThat(wav.technical()).containsEntry("audioCodec", "pcm_s16le").containsKey("durationSeconds");
        assertThat(mp3.technical()).containsEntry("audioCodec", "mp3");
        assertThat((Double) mp3.technical().get("durationSeconds")).isCloseTo(11.0, within(0.5));
    }

    @Test
    void reads_quicktime_creation_date_from_the_corpus() throws Exception {
        ExtractedMetadata mov = extractor.extract(corpus("metadata/exiftool-t-images/QuickTime.mov"), "video/quicktime");

        // exiftool agrees: Create Date 2005:08:11 14:03:54, Artist årtist, Comment çømménts
        assertThat(mov.normalized().capturedAt()).isEqualTo(Instant.parse("2005-08-11T14:03:54Z"));
        assertThat(mov.normalized().creator()).isEqualTo("årtist");
        assertThat(mov.normalized().description()).isEqualTo("çømménts");
    }

    @Test
    void reports_truncated_corpus_mp3_as_metadata_exception() {
        Path truncated = corpus("metadata/exiftool-t-images/MP3.mp3");

        assertThatThrownBy(() -> extractor.extract(truncated, "audio/mpeg"))
                .isInstanceOf(MetadataException.class).hasMessageContaining("MP3.mp3: Invalid argument")
                .hasMessageNotContaining("/shared/");
    }

    @Test
    void reports_garbage_as_metadata_exception() throws Exception {
        Path junk = Files.write(dir.resolve("junk.mp4"), new byte[] {0, 0, 0, 8, 'f', 't', 'y', 'p', 1, 2, 3});

        assertThatThrownBy(() -> extractor.extract(junk, "video/mp4"))
                .isInstanceOf(MetadataException.class).hasMessageStartingWith("ffprobe cannot read the file");
    }

    @Test
    void reads_a_file_whose_name_looks_like_an_option() throws Exception {
        Path video = TestMedia.video(dir.resolve("-i.mp4"), "-c:v", "mpeg4", "-an");

        assertThat(extractor.extract(dir.resolve("-i.mp4"), "video/mp4").width()).isEqualTo(64);
        assertThat(video).exists();
    }

    @Test
    void gives_up_at_the_deadline() {
        FfprobeMetadataExtractor slow = new FfprobeMetadataExtractor("/bin/sleep", Duration.ofMillis(300));

        assertThatThrownBy(() -> slow.extract(Path.of("/tmp"), "video/mp4"))
                .isInstanceOf(MetadataException.class);
    }
}
