package io.vitrine.enrich;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vitrine.testing.TestMedia;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What every {@link Transcriber} does with what ffmpeg gives it, whatever recognizer listens: each adapter's
 * test extends this with its recognizer (skipping, in its own set-up, when that recognizer is missing).
 */
public abstract class TranscriberContract {
    @TempDir
    Path media;

    /** The adapter under test, listening to the first {@code limit} of a file. */
    protected abstract Transcriber transcriber(Duration limit) throws Exception;

    /** A recording this recognizer hears something in, written into {@code dir}. */
    protected abstract Path sound(Path dir) throws Exception;

    /** A listening limit short enough to cut {@link #sound} padded with silence, yet long enough to hear something in it. */
    protected abstract Duration shortLimit();

    @Test
    public void a_video_without_an_audio_track_gives_no_transcript() throws Exception {
        Path mute = TestMedia.ffmpeg(media.resolve("mute.mp4"), "-f", "lavfi", "-i", "testsrc=size=64x48:rate=10:duration=1");
        Transcriber t = transcriber(Duration.ofMinutes(5));
        try {
            assertThat(t.transcribe(mute)).isEmpty();
        } finally {
            close(t);
        }
    }

    @Test
    public void a_damaged_audio_stream_fails_with_ffmpegs_reason() throws Exception {
        Path mp3 = TestMedia.ffmpeg(media.resolve("sound.mp3"), "-i", sound(media).toString(), "-b:a", "64k");
        byte[] bytes = Files.readAllBytes(mp3);
        java.util.Random noise = new java.util.Random(7);
        for (int i = 2000; i < Math.min(bytes.length, 8000); i++) {
            bytes[i] = (byte) noise.nextInt(256);
        }
        Path damaged = Files.write(media.resolve("damaged.mp3"), bytes);
        Transcriber t = transcriber(Duration.ofMinutes(5));
        try {
            assertThatThrownBy(() -> t.transcribe(damaged)).hasMessageContaining("cannot decode the audio");
        } finally {
            close(t);
        }
    }

    @Test
    public void a_file_longer_than_the_limit_is_cut_there_and_says_so() throws Exception {
        Path longFile = TestMedia.ffmpeg(media.resolve("long.wav"), "-i", sound(media).toString(), "-af", "apad=pad_dur=30");
        double limit = shortLimit().toMillis() / 1000.0;
        Transcriber t = transcriber(shortLimit());
        try {
            Transcriber.Transcript heard = t.transcribe(longFile).orElseThrow();
            assertThat(heard.truncated()).isTrue();
            assertThat(heard.seconds()).isEqualTo(limit);
            assertThat(heard.segments()).allSatisfy(s -> assertThat(s.end()).isLessThanOrEqualTo(limit));
        } finally {
            close(t);
        }
    }

    private static void close(Transcriber t) throws Exception {
        if (t instanceof AutoCloseable c) {
            c.close();
        }
    }
}
