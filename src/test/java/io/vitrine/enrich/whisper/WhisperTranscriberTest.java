package io.vitrine.enrich.whisper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vitrine.enrich.ModelException;
import io.vitrine.enrich.ModelServer;
import io.vitrine.enrich.ModelStore;
import io.vitrine.enrich.Transcriber;
import io.vitrine.enrich.TranscriberContract;
import io.vitrine.enrich.process.AudioDecoder;
import io.vitrine.testing.TestMedia;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * whisper.cpp through whisper-jni on a tiny model the test writes ({@link TinyWhisperModel}: random
 * weights, so the words it hears are meaningless {@code tokN} strings; the path a real model takes is
 * the same code). Audio comes from ffmpeg's generators.
 */
class WhisperTranscriberTest extends TranscriberContract {
    @TempDir
    static Path dir;
    static ModelStore models;
    static WhisperTranscriber whisper;
    static Path tone;

    @BeforeAll
    static void install() throws Exception {
        TinyWhisperModel.pull(dir, "whisper-test-tiny", false);
        models = TinyWhisperModel.store(dir, List.of(), "http://127.0.0.1:1");
        whisper = transcriber(models, null, Duration.ofMinutes(5));
        tone = TestMedia.ffmpeg(dir.resolve("tone.mp3"), "-f", "lavfi", "-i", "sine=frequency=300:duration=5", "-f", "lavfi",
                "-i", "anoisesrc=d=5:a=0.05", "-filter_complex", "amix=inputs=2", "-ac", "1");
    }

    @AfterAll
    static void close() {
        if (whisper != null) {
            whisper.close();
        }
    }

    static WhisperTranscriber transcriber(ModelStore store, String wanted, Duration limit) {
        return transcriber(store, wanted, limit, Duration.ofSeconds(60));
    }

    static WhisperTranscriber transcriber(ModelStore store, String wanted, Duration limit, Duration timeout) {
        return new WhisperTranscriber(store, wanted, new WhisperLibrary(), new AudioDecoder("ffmpeg", limit, Duration.ofSeconds(60)), 1,
                timeout, dir.resolve("work"));
    }

    @Override
    protected Transcriber transcriber(Duration limit) {
        return transcriber(models, "whisper-test-tiny", limit);
    }

    /** A tone over noise: the tiny model hears a word in anything. */
    @Override
    protected Path sound(Path into) {
        return tone;
    }

    @Override
    protected Duration shortLimit() {
        return Duration.ofSeconds(2);
    }

    @Test
    void a_transcript_past_the_timeout_fails_with_the_reason() throws Exception {
        Path tenMinutes = TestMedia.ffmpeg(dir.resolve("ten-minutes.wav"), "-f", "lavfi", "-i", "sine=frequency=300:duration=600");
        var hurried = transcriber(models, "whisper-test-tiny", Duration.ofMinutes(15), Duration.ofMillis(200));
        try {
            assertThatThrownBy(() -> hurried.transcribe(tenMinutes)).hasMessageContaining("did not finish within 0.2 s; stopped");
        } finally {
            hurried.close();
        }
    }

    /**
     * Ten minutes are twenty 30 s windows, seconds of work even for the tiny model; told to stop after
     * 100 ms, whisper gives up within a fraction of that, and the model takes the next file at once.
     */
    @Test
    void a_run_past_the_timeout_is_stopped_early_and_its_model_takes_the_next_file_at_once() throws Exception {
        Path file = models.installed("whisper-test-tiny").orElseThrow().file("ggml-whisper-test-tiny.bin");
        float[] tenMinutes = new float[600 * AudioDecoder.SAMPLE_RATE];
        try (WhisperModel model = WhisperModel.load(new WhisperLibrary().cpp(), file)) {
            long start = System.nanoTime();
            model.run(tenMinutes, 1, Duration.ofMinutes(2));
            Duration whole = Duration.ofNanos(System.nanoTime() - start);

            start = System.nanoTime();
            assertThatThrownBy(() -> model.run(tenMinutes, 1, Duration.ofMillis(100))).hasMessageContaining("stopped");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).as("stopped, against %s for the whole run", whole)
                    .isLessThan(whole.dividedBy(2));

            assertThat(model.run(new float[3 * AudioDecoder.SAMPLE_RATE], 1, Duration.ofSeconds(60)).segments()).isNotNull();
        }
    }

    @Test
    void a_run_that_waited_out_its_time_behind_another_says_so() throws Exception {
        Path file = models.installed("whisper-test-tiny").orElseThrow().file("ggml-whisper-test-tiny.bin");
        float[] tenMinutes = new float[600 * AudioDecoder.SAMPLE_RATE];
        try (WhisperModel model = WhisperModel.load(new WhisperLibrary().cpp(), file)) {
            var first = java.util.concurrent.CompletableFuture.runAsync(() -> {
                try {
                    model.run(tenMinutes, 1, Duration.ofMinutes(2));
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            Thread.sleep(300);
            assertThatThrownBy(() -> model.run(new float[AudioDecoder.SAMPLE_RATE * 2], 1, Duration.ofMillis(200)))
                    .hasMessageContaining("waiting all that time for an earlier file's run");
            first.join();
        }
    }

    @Test
    void the_catalogue_offers_whisper_models_from_the_whisper_cpp_hub_repo_with_checksums_best_first() {
        var catalogue = io.vitrine.enrich.local.FileModelStore.bundledCatalogue(io.vitrine.db.Json.mapper()).stream()
                .filter(WhisperTranscriber::isWhisper).sorted(java.util.Comparator.comparingDouble(
                        m -> -((Number) m.preprocessing().get("rank")).doubleValue())).toList();
        assertThat(catalogue).extracting(io.vitrine.enrich.ModelManifest::name)
                .containsExactly("whisper-small", "whisper-base", "whisper-base.en", "whisper-tiny.en");
        var base = catalogue.get(2);
        assertThat(base.url(io.vitrine.enrich.ModelManifest.PUBLIC_HUB, base.files().getFirst()))
                .isEqualTo("https://huggingface.co/ggerganov/whisper.cpp/resolve/main/ggml-base.en.bin");
        assertThat(catalogue).allSatisfy(m -> {
            assertThat(m.files()).singleElement().satisfies(f -> {
                assertThat(f.sha256()).matches("[0-9a-f]{64}");
                assertThat(f.bytes()).isGreaterThan(70_000_000);
            });
            assertThat(m.preprocessing().get("quality")).isIn("low", "medium");
        });
    }

    @Test
    void a_pulled_whisper_model_is_found_and_named_with_its_version_and_checksum() throws Exception {
        ModelStore.Installed m = models.installed("whisper-test-tiny").orElseThrow();
        assertThat(whisper.unavailable()).isEmpty();
        assertThat(whisper.model()).isEqualTo("whisper-test-tiny");
        assertThat(whisper.modelVersion()).isEqualTo("test1-" + m.manifest().files().getFirst().sha256().substring(0, 12));
        assertThat(whisper.quality()).isEqualTo("low");
        assertThat(whisper.language()).as("a multilingual model detects the language of each file").isNull();
    }

    @Test
    void a_download_with_the_wrong_checksum_is_refused_and_installs_nothing() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("serve"));
        Path file = TinyWhisperModel.write(folder.resolve("ggml-bad.bin"), true);
        try (ModelServer server = new ModelServer(folder)) {
            var store = TinyWhisperModel.store(dir, List.of(TinyWhisperModel.entry("whisper-bad", file, "0".repeat(64))), server.baseUrl());
            assertThatThrownBy(() -> store.pull("whisper-bad", (f, d, t) -> { })).isInstanceOf(ModelException.class)
                    .hasMessageContaining("checksum mismatch");
            assertThat(store.installed("whisper-bad")).isEmpty();
            assertThat(transcriber(store, "whisper-bad", Duration.ofMinutes(1)).unavailable()).hasValueSatisfying(r ->
                    assertThat(r).contains("not installed"));
        }
    }

    @Test
    void transcribes_ffmpeg_audio_into_ordered_segments_of_vocabulary_words_within_the_clip() throws Exception {
        Transcriber.Transcript t = whisper.transcribe(tone).orElseThrow(() -> new AssertionError("the tiny model heard nothing"));
        assertThat(t.seconds()).isEqualTo(5.0);
        assertThat(t.truncated()).isFalse();
        assertThat(t.confidence()).isBetween(0.0, 1.0);
        assertThat(t.language()).as("whisper's detected language").matches("[a-z]{2,3}");
        assertThat(t.content().split("\\s+")).allSatisfy(w -> assertThat(w).matches(TinyWhisperModel.WORD));
        double previous = 0;
        for (Transcriber.Segment s : t.segments()) {
            assertThat(s.start()).isGreaterThanOrEqualTo(previous).isLessThanOrEqualTo(s.end());
            assertThat(s.end()).isLessThanOrEqualTo(5.0);
            assertThat(s.confidence()).isBetween(0.0, 1.0);
            previous = s.start();
        }
    }

    @Test
    void an_english_only_model_hears_english() throws Exception {
        Path data = Files.createDirectories(dir.resolve("english"));
        TinyWhisperModel.pull(data, "whisper-test-tiny.en", true);
        var english = transcriber(TinyWhisperModel.store(data, List.of(), "http://127.0.0.1:1"), null, Duration.ofMinutes(1));
        try {
            assertThat(english.language()).isEqualTo("en");
            assertThat(english.transcribe(tone)).hasValueSatisfying(t -> assertThat(t.language()).isEqualTo("en"));
        } finally {
            english.close();
        }
    }

    @Test
    void a_truncated_model_file_turns_whisper_off_with_the_reason_until_it_is_pulled_again() throws Exception {
        Path data = Files.createDirectories(dir.resolve("truncated"));
        ModelStore.Installed m = TinyWhisperModel.pull(data, "whisper-cut", true);
        Path file = m.dir().resolve(m.manifest().files().getFirst().path());
        byte[] all = Files.readAllBytes(file);
        Files.write(file, java.util.Arrays.copyOf(all, all.length / 2));
        var cut = transcriber(TinyWhisperModel.store(data, List.of(), "http://127.0.0.1:1"), null, Duration.ofMinutes(1));
        assertThat(cut.unavailable()).hasValueSatisfying(r -> assertThat(r).contains("whisper-cut is damaged")
                .contains("vitrine models pull whisper-cut"));
        assertThatThrownBy(() -> cut.transcribe(tone)).hasMessageContaining("damaged");

        TinyWhisperModel.pull(data, "whisper-cut", true);
        assertThat(cut.unavailable()).as("pulled again, the new file is checked again").isEmpty();
        assertThat(cut.transcribe(tone)).isPresent();
        cut.close();
    }

    @Test
    void a_file_that_is_not_a_whisper_model_is_refused_by_whisper_cpp_with_the_reason() throws Exception {
        Path data = Files.createDirectories(dir.resolve("garbage"));
        Path folder = Files.createDirectories(dir.resolve("garbage-src"));
        Files.write(folder.resolve("ggml-garbage.bin"), new byte[4096]);
        var store = TinyWhisperModel.store(data, List.of(), "http://127.0.0.1:1");
        store.install(TinyWhisperModel.entry("whisper-garbage", folder.resolve("ggml-garbage.bin")), folder);
        var garbage = transcriber(store, null, Duration.ofMinutes(1));
        assertThat(garbage.unavailable()).hasValueSatisfying(r -> assertThat(r).contains("whisper.cpp cannot load ggml-garbage.bin")
                .contains("bad magic"));
    }

    @Test
    void another_models_unreadable_manifest_does_not_hide_the_whisper_model() throws Exception {
        Path data = Files.createDirectories(dir.resolve("broken-neighbour"));
        ModelStore.Installed m = TinyWhisperModel.pull(data, "whisper-test-tiny", true);
        Files.writeString(Files.createDirectories(data.resolve("models/broken")).resolve("manifest.json"), "{ not json");
        var store = TinyWhisperModel.store(data, List.of(m.manifest()), "http://127.0.0.1:1");
        var found = transcriber(store, null, Duration.ofMinutes(1));
        assertThat(found.unavailable()).isEmpty();
        assertThat(found.model()).isEqualTo("whisper-test-tiny");
        found.close();
    }

    @Test
    void without_a_whisper_model_it_says_how_to_pull_one() {
        var none = transcriber(TinyWhisperModel.store(dir.resolve("empty"), List.of(), "http://127.0.0.1:1"), null, Duration.ofMinutes(1));
        assertThat(none.unavailable()).hasValueSatisfying(r -> assertThat(r).contains("vitrine models pull whisper-base.en"));
        assertThat(none.model()).isEqualTo("whisper");
    }
}
