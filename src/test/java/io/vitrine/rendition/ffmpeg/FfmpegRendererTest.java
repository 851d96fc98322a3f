package io.vitrine.rendition.ffmpeg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vitrine.rendition.RenderedFile;
import io.vitrine.rendition.RenditionException;
import io.vitrine.testing.TestMedia;
import io.vitrine.rendition.process.ProcessRunner;
import io.vitrine.rendition.vips.Vips;
import io.vitrine.rendition.vips.VipsImageRenderer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FfmpegRendererTest {
    static final VipsImageRenderer STILLS = new VipsImageRenderer(Vips.load());
    final FfmpegVideoRenderer video = new FfmpegVideoRenderer(STILLS, Duration.ofMinutes(2), 2, 100_000_000L);
    final FfmpegAudioRenderer audio = new FfmpegAudioRenderer(STILLS, Duration.ofMinutes(2), 2);

    @TempDir
    Path tmp;

    static Map<String, RenderedFile> byName(List<RenderedFile> files) {
        return files.stream().collect(Collectors.toMap(RenderedFile::name, Function.identity()));
    }

    /** A synthetic clip: ffmpeg's test pattern with a sine tone, made for the test. */
    Path clip(int width, int height, boolean withAudio) throws Exception {
        Path file = tmp.resolve("clip-%dx%d.mkv".formatted(width, height));
        var args = new java.util.ArrayList<>(List.of("ffmpeg", "-nostdin", "-v", "error", "-y",
                "-f", "lavfi", "-i", "testsrc=duration=3:size=%dx%d:rate=25".formatted(width, height)));
        if (withAudio) {
            args.addAll(List.of("-f", "lavfi", "-i", "sine=frequency=440:duration=3"));
        }
        args.addAll(List.of("-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv444p", "-shortest", file.toString()));
        var result = new ProcessRunner(Duration.ofMinutes(1)).run(args, tmp);
        assertThat(result.exitCode()).as(result.stderr()).isZero();
        return file;
    }

    Path out() throws Exception {
        return Files.createDirectories(tmp.resolve("out"));
    }

    @Test
    void makes_poster_stills_and_a_small_h264_proxy_from_video() throws Exception {
        Path out = out();
        var files = byName(video.render(clip(1280, 720, true), "video/x-matroska", out));

        assertThat(files.keySet()).containsExactlyInAnyOrder("web", "preview", "thumb", "proxy");
        assertThat(files.get("thumb")).extracting(RenderedFile::width, RenderedFile::height).containsExactly(256, 144);
        assertThat(files.get("proxy")).extracting(RenderedFile::recipe, RenderedFile::mediaType, RenderedFile::width, RenderedFile::height)
                .containsExactly("proxy@v1", "video/mp4", 640, 360);
        String streams = probe(files.get("proxy").file(), "stream=codec_name,pix_fmt");
        assertThat(streams).contains("h264", "yuv420p", "aac");
        try (var listing = Files.list(out)) {
            assertThat(listing.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder("web.webp", "preview.jpg", "thumb.jpg", "proxy.mp4");
        }
    }

    @Test
    void proxy_has_even_dimensions_and_no_audio_when_source_has_none() throws Exception {
        var proxy = byName(video.render(clip(321, 241, false), "video/x-matroska", out())).get("proxy");

        assertThat(proxy.width() % 2).isZero();
        assertThat(proxy.height() % 2).isZero();
        assertThat(proxy.width()).isEqualTo(320);
        assertThat(probe(proxy.file(), "stream=codec_type")).doesNotContain("audio");
    }

    @Test
    void proxy_moov_atom_comes_first_for_streaming() throws Exception {
        var proxy = byName(video.render(clip(320, 240, true), "video/mp4", out())).get("proxy");

        byte[] head = java.util.Arrays.copyOf(Files.readAllBytes(proxy.file()), 4096);
        String text = new String(head, java.nio.charset.StandardCharsets.ISO_8859_1);
        assertThat(text.indexOf("moov")).isPositive().isLessThan(text.indexOf("mdat") < 0 ? Integer.MAX_VALUE : text.indexOf("mdat"));
    }

    @Test
    void rejects_video_whose_frames_exceed_the_pixel_limit_before_decoding() throws Exception {
        Path out = out();
        var small = new FfmpegVideoRenderer(STILLS, Duration.ofMinutes(2), 2, 320L * 240 - 1);

        assertThatThrownBy(() -> small.render(clip(320, 240, false), "video/x-matroska", out))
                .isInstanceOf(RenditionException.class)
                .hasMessageContaining("320×240").hasMessageContaining("limit");
        try (var listing = Files.list(out)) {
            assertThat(listing).isEmpty();
        }
    }

    @Test
    void rejects_data_that_is_not_video() throws Exception {
        Path out = out();
        Path junk = Files.writeString(tmp.resolve("junk.mp4"), "not a video at all\n".repeat(100));

        assertThatThrownBy(() -> video.render(junk, "video/mp4", out))
                .isInstanceOf(RenditionException.class)
                .hasMessageStartingWith("not a readable audio or video file");
        try (var listing = Files.list(out)) {
            assertThat(listing).isEmpty();
        }
    }

    @Test
    void draws_a_waveform_and_a_thumb_for_audio() throws Exception {
        Path out = out();
        var files = byName(audio.render(TestMedia.corpus("audio/whisper-jfk/jfk.wav"), "audio/wav", out));

        assertThat(files.get("waveform")).extracting(RenderedFile::recipe, RenderedFile::mediaType, RenderedFile::width, RenderedFile::height)
                .containsExactly("waveform@v1", "image/png", 1024, 256);
        assertThat(files.get("thumb")).extracting(RenderedFile::recipe, RenderedFile::width, RenderedFile::height)
                .containsExactly("thumb@v1", 256, 64);
        try (var listing = Files.list(out)) {
            assertThat(listing.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("waveform.png", "thumb.jpg");
        }
    }

    @Test
    void rejects_audio_file_without_audio() throws Exception {
        Path silentVideo = clip(160, 120, false);

        assertThatThrownBy(() -> audio.render(silentVideo, "audio/mp4", out()))
                .isInstanceOf(RenditionException.class).hasMessage("file has no audio stream");
    }

    private String probe(Path file, String entries) throws Exception {
        var result = new ProcessRunner(Duration.ofSeconds(30)).run(List.of("ffprobe", "-v", "error", "-show_entries", entries,
                "-of", "compact", file.toString()), tmp);
        return result.stdout();
    }
}
