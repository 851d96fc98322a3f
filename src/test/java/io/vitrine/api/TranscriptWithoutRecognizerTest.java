package io.vitrine.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.vitrine.TestServer;
import io.vitrine.enrich.bench.SpokenText;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A node without pocketsphinx: transcripts are off with how to turn them on, and audio still becomes ready. */
class TranscriptWithoutRecognizerTest {
    @TempDir
    Path data;

    @Test
    void capabilities_report_transcripts_off_and_audio_is_ready_without_a_transcript_or_an_error() throws Exception {
        assumeTrue(SpokenText.available(), "espeak-ng not installed; skipping");
        try (TestServer s = new TestServer(data, Map.of("VITRINE_POCKETSPHINX", data.resolve("no-such-pocketsphinx").toString()))) {
            JsonNode c = TranscriptApiTest.capability(s, "transcripts");
            assertThat(c.path("enabled").asBoolean()).isFalse();
            assertThat(c.path("reason").asText()).contains("pocketsphinx-en-us");
            Path wav = SpokenText.speak(SpokenText.SENTENCES.get(1), data.resolve("digits.wav"));
            String id = s.json(s.upload("digits.wav", Files.readAllBytes(wav))).path("id").asText();
            JsonNode a = TranscriptApiTest.settled(s, id);
            assertThat(a.path("status").asText()).isEqualTo("ready");
            assertThat(a.path("text")).isEmpty();
            assertThat(a.path("enrichment").path("errors").has("transcript")).isFalse();
            assertThat(s.vitrine().transcripts().transcribe(id, true)).isFalse();
        }
    }
}
