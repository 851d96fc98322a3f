package io.vitrine.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.vitrine.TestServer;
import io.vitrine.enrich.whisper.TinyWhisperModel;
import io.vitrine.testing.TestMedia;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Transcripts end to end with whisper.cpp: a whisper model installed in the data folder (the suite's
 * tiny random model, pulled over HTTP like a real one; its words are meaningless, the path is the
 * real model's), the real server, a WAV upload. pocketsphinx is on this machine too: whisper wins
 * because a whisper model is installed.
 */
class WhisperTranscriptApiTest {
    @TempDir
    Path data;

    @Test
    void with_a_whisper_model_installed_audio_gets_a_whisper_transcript_named_with_its_model_version_and_grade() throws Exception {
        TinyWhisperModel.pull(data, "whisper-test-tiny", false);
        Path wav = TestMedia.ffmpeg(data.resolve("tone.wav"), "-f", "lavfi", "-i", "sine=frequency=300:duration=4", "-ac", "1");
        try (TestServer s = new TestServer(data, Map.of())) {
            JsonNode c = TranscriptApiTest.capability(s, "transcripts");
            assertThat(c.path("enabled").asBoolean()).isTrue();
            assertThat(c.path("model").asText()).startsWith("whisper-test-tiny@test1-");
            assertThat(c.path("quality").asText()).isEqualTo("low");
            assertThat(c.path("reason").asText()).contains("whisper-test-tiny active").contains("language detected per file")
                    .contains("low quality");
            String id = s.json(s.upload("tone.wav", Files.readAllBytes(wav))).path("id").asText();
            JsonNode a = TranscriptApiTest.settled(s, id);
            assertThat(a.path("status").asText()).isEqualTo("ready");
            assertThat(a.path("enrichment").path("errors").has("transcript")).as("%s", a).isFalse();
            JsonNode t = TranscriptApiTest.transcript(a);
            assertThat(t).as("transcript of %s", a).isNotNull();
            assertThat(t.path("model").asText()).isEqualTo("whisper-test-tiny");
            assertThat(t.path("modelVersion").asText()).isEqualTo(c.path("model").asText().substring("whisper-test-tiny@".length()));
            assertThat(t.path("quality").asText()).isEqualTo("low");
            assertThat(t.path("language").asText()).matches("[a-z]{2,3}");
            assertThat(t.path("confidence").asDouble()).isBetween(0.0, 1.0);
            assertThat(t.path("segments")).isNotEmpty();
            assertThat(t.path("content").asText().split("\\s+")).allSatisfy(w -> assertThat(w).matches(TinyWhisperModel.WORD));
        }
    }

    @Test
    void transcriber_pocketsphinx_keeps_the_fallback_even_with_a_whisper_model_installed() throws Exception {
        TinyWhisperModel.pull(data, "whisper-test-tiny", false);
        try (TestServer s = new TestServer(data, Map.of("VITRINE_TRANSCRIBER", "pocketsphinx"))) {
            JsonNode c = TranscriptApiTest.capability(s, "transcripts");
            assertThat(c.path("model").asText()).startsWith("pocketsphinx");
            assertThat(c.path("reason").asText()).contains("English only").doesNotContain("whisper is off");
        }
    }
}
