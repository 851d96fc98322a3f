package io.vitrine.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.vitrine.TestServer;
import io.vitrine.enrich.bench.SpokenText;
import io.vitrine.testing.TestMedia;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Transcripts end to end: espeak-ng speech wrapped by ffmpeg into MP3, M4A and MP4, uploaded to the
 * real server, transcribed by the real pocketsphinx, found by search. The server listens to at most
 * 8 s of a file, so a long file is cut without waiting for minutes of audio.
 */
class TranscriptApiTest {
    /** Words too common to prove anything when a search finds them. */
    static final Set<String> STOP = Set.of("the", "and", "our", "a", "than", "over");

    @TempDir
    static Path data;
    @TempDir
    static Path media;
    static TestServer server;

    @BeforeAll
    static void start() throws Exception {
        assumeTrue(SpokenText.available(), "espeak-ng not installed; skipping");
        server = new TestServer(data, Map.of("VITRINE_TRANSCRIPT_LIMIT", "PT8S"));
        assumeTrue(capability(server, "transcripts").path("enabled").asBoolean(), "pocketsphinx not installed; skipping");
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    static JsonNode capability(TestServer s, String name) throws Exception {
        for (JsonNode c : s.json(s.get("/api/v1/capabilities")).path("capabilities")) {
            if (c.path("name").asText().equals(name)) {
                return c;
            }
        }
        throw new AssertionError("no capability " + name);
    }

    /** The asset once it is ready and every job (enrichment included) has run. */
    static JsonNode settled(TestServer s, String id) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode a = s.awaitSettled(id);
            if (s.vitrine().jobs().pending() == 0) {
                return s.json(s.get("/api/v1/assets/" + id));
            }
            Thread.sleep(150);
        }
        throw new AssertionError("jobs still pending for " + id);
    }

    private static String upload(String name, Path file) throws Exception {
        return server.json(server.upload("?onDuplicate=allow", name, Files.readAllBytes(file), null)).path("id").asText();
    }

    static JsonNode transcript(JsonNode asset) {
        for (JsonNode t : asset.path("text")) {
            if (t.path("source").asText().equals("transcript")) {
                return t;
            }
        }
        return null;
    }

    private static Path speech(String name, String text) throws Exception {
        return SpokenText.speak(text, media.resolve(name));
    }

    @Test
    void speech_in_an_mp3_gets_a_low_quality_english_transcript_and_search_finds_it_by_a_recognised_word() throws Exception {
        String said = SpokenText.SENTENCES.get(1);
        Path mp3 = TestMedia.ffmpeg(media.resolve("digits.mp3"), "-i", speech("digits.wav", said).toString(), "-b:a", "96k");
        String id = upload("digits.mp3", mp3);
        JsonNode a = settled(server, id);
        assertThat(a.path("status").asText()).isEqualTo("ready");
        JsonNode t = transcript(a);
        assertThat(t).as("transcript of %s", a).isNotNull();
        assertThat(t.path("language").asText()).isEqualTo("en");
        assertThat(t.path("model").asText()).isEqualTo("pocketsphinx");
        assertThat(t.path("modelVersion").asText()).endsWith("-en-us");
        assertThat(t.path("quality").asText()).isEqualTo("low");
        assertThat(t.path("status").asText()).isEqualTo("draft");
        assertThat(t.path("truncated").asBoolean()).isFalse();
        assertThat(t.path("confidence").asDouble()).isBetween(0.0, 1.0);
        assertThat(t.path("segments")).isNotEmpty();
        assertThat(t.path("segments").get(0).path("end").asDouble()).isGreaterThan(t.path("segments").get(0).path("start").asDouble());
        assertThat(SpokenText.wordAccuracy(said, t.path("content").asText())).isGreaterThanOrEqualTo(0.3);
        // the caption never quotes a transcript as if it were what was said
        assertThat(a.path("caption").path("text").asText("")).doesNotContain(t.path("content").asText());
        String word = recognised(said, t.path("content").asText());
        awaitSearch("q=" + word, id);
    }

    @Test
    void speech_in_an_m4a_and_in_an_mp4_with_a_video_track_is_transcribed() throws Exception {
        String said = SpokenText.SENTENCES.getFirst();
        Path wav = speech("fox.wav", said);
        Path m4a = TestMedia.ffmpeg(media.resolve("fox.m4a"), "-i", wav.toString(), "-c:a", "aac", "-b:a", "96k");
        Path mp4 = TestMedia.ffmpeg(media.resolve("fox.mp4"), "-f", "lavfi", "-i", "testsrc=size=160x120:rate=10:duration=4",
                "-i", wav.toString(), "-shortest", "-c:v", "libx264", "-pix_fmt", "yuv420p", "-c:a", "aac");
        for (Path file : List.of(m4a, mp4)) {
            String id = upload(file.getFileName().toString(), file);
            JsonNode a = settled(server, id);
            assertThat(a.path("status").asText()).isEqualTo("ready");
            JsonNode t = transcript(a);
            assertThat(t).as("transcript of %s: %s", file, a).isNotNull();
            assertThat(SpokenText.words(t.path("content").asText())).as("words heard in %s", file).isNotEmpty();
            assertThat(a.path("enrichment").path("errors").has("transcript")).isFalse();
        }
    }

    @Test
    void silent_audio_gets_no_transcript_and_no_failure() throws Exception {
        Path silent = TestMedia.ffmpeg(media.resolve("silent.mp3"), "-f", "lavfi", "-i", "anullsrc=r=22050:cl=mono", "-t", "4");
        JsonNode a = settled(server, upload("silent.mp3", silent));
        assertThat(a.path("status").asText()).isEqualTo("ready");
        assertThat(transcript(a)).isNull();
        assertThat(a.path("enrichment").path("errors").has("transcript")).isFalse();
    }

    @Test
    void a_damaged_audio_file_stays_ready_and_the_transcript_step_records_why_it_failed() throws Exception {
        Path mp3 = TestMedia.ffmpeg(media.resolve("coffee.mp3"), "-i", speech("coffee.wav", SpokenText.SENTENCES.get(2)).toString(),
                "-b:a", "64k");
        byte[] bytes = Files.readAllBytes(mp3);
        java.util.Random noise = new java.util.Random(7);
        for (int i = 2000; i < Math.min(bytes.length, 8000); i++) {
            bytes[i] = (byte) noise.nextInt(256);
        }
        JsonNode a = settled(server, upload("damaged.mp3", Files.write(media.resolve("damaged.mp3"), bytes)));
        assertThat(a.path("status").asText()).isEqualTo("ready");
        assertThat(a.path("renditions")).isNotEmpty();
        assertThat(a.path("enrichment").path("errors").path("transcript").asText()).contains("cannot decode the audio");
        assertThat(transcript(a)).isNull();
    }

    @Test
    void a_file_longer_than_the_limit_is_transcribed_up_to_the_limit_and_marked_truncated() throws Exception {
        Path wav = speech("long-digits.wav", SpokenText.SENTENCES.get(1));
        Path longFile = TestMedia.ffmpeg(media.resolve("long.mp3"), "-i", wav.toString(), "-af", "apad=pad_dur=40");
        JsonNode t = transcript(settled(server, upload("long.mp3", longFile)));
        assertThat(t).isNotNull();
        assertThat(t.path("truncated").asBoolean()).isTrue();
        for (JsonNode g : t.path("segments")) {
            assertThat(g.path("end").asDouble()).isLessThanOrEqualTo(8.0);
        }
    }

    @Test
    void an_image_gets_no_transcript_step_result() throws Exception {
        Path png = TestMedia.ffmpeg(media.resolve("still.png"), "-f", "lavfi", "-i", "testsrc=size=64x48:duration=1", "-frames:v", "1");
        JsonNode a = settled(server, upload("still.png", png));
        assertThat(transcript(a)).isNull();
        assertThat(server.vitrine().transcripts().transcribe(a.path("id").asText(), true)).isFalse();
    }

    /** Enrichment reaches the index after a refresh: polls until a search shows the asset. */
    static void awaitSearch(String query, String id) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            for (JsonNode h : server.json(server.get("/api/v1/search?" + query)).path("hits")) {
                if (h.path("id").asText().equals(id)) {
                    return;
                }
            }
            Thread.sleep(150);
        }
        throw new AssertionError("asset " + id + " never found by " + query);
    }

    /** A word of the sentence that pocketsphinx did hear, the least common first. */
    static String recognised(String said, String heard) {
        List<String> both = SpokenText.words(said).stream().filter(SpokenText.words(heard)::contains)
                .filter(w -> !STOP.contains(w)).toList();
        assertThat(both).as("no word of '%s' in '%s'", said, heard).isNotEmpty();
        return both.getFirst();
    }
}
