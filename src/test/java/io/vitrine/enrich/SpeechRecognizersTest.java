package io.vitrine.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import io.vitrine.enrich.process.AudioDecoder;
import io.vitrine.enrich.process.PocketsphinxTranscriber;
import io.vitrine.enrich.whisper.TinyWhisperModel;
import io.vitrine.enrich.whisper.WhisperLibrary;
import io.vitrine.enrich.whisper.WhisperTranscriber;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Which recognizer transcribes, with the real whisper.cpp (on the suite's tiny random model, whose
 * words are meaningless) and the real pocketsphinx probe (absent or present, both are reported).
 */
class SpeechRecognizersTest {
    @TempDir
    Path dir;

    private Transcriber whisper(Path data) {
        return new WhisperTranscriber(TinyWhisperModel.store(data, List.of(), "http://127.0.0.1:1"), null, new WhisperLibrary(),
                new AudioDecoder("ffmpeg", Duration.ofMinutes(1), Duration.ofSeconds(30)), 1, Duration.ofSeconds(30), data.resolve("work"));
    }

    private Transcriber pocketsphinx(String command) {
        return new PocketsphinxTranscriber(command, "ffmpeg", Duration.ofMinutes(1), Duration.ofSeconds(30), dir.resolve("work"));
    }

    @Test
    void auto_picks_whisper_once_a_whisper_model_is_installed() throws Exception {
        var speech = new SpeechRecognizers(SpeechRecognizers.Mode.AUTO, whisper(dir), pocketsphinx("pocketsphinx_continuous"));
        assertThat(speech.model()).isEqualTo("pocketsphinx");
        assertThat(speech.quality()).isEqualTo("low");
        assertThat(speech.note()).hasValueSatisfying(n -> assertThat(n).startsWith("whisper is off: no whisper model installed"));

        TinyWhisperModel.pull(dir, "whisper-test-tiny", false);
        assertThat(speech.unavailable()).isEmpty();
        assertThat(speech.model()).as("pulled while running: the next file uses it").isEqualTo("whisper-test-tiny");
        assertThat(speech.modelVersion()).startsWith("test1-");
        assertThat(speech.note()).isEmpty();
    }

    @Test
    void pocketsphinx_mode_keeps_pocketsphinx_even_with_a_whisper_model() throws Exception {
        TinyWhisperModel.pull(dir, "whisper-test-tiny", false);
        var speech = new SpeechRecognizers(SpeechRecognizers.Mode.POCKETSPHINX, whisper(dir), pocketsphinx("pocketsphinx_continuous"));
        assertThat(speech.model()).isEqualTo("pocketsphinx");
    }

    @Test
    void whisper_mode_without_a_model_is_off_with_how_to_pull_one_even_when_pocketsphinx_is_there() {
        var speech = new SpeechRecognizers(SpeechRecognizers.Mode.WHISPER, whisper(dir), pocketsphinx("pocketsphinx_continuous"));
        assertThat(speech.unavailable()).hasValueSatisfying(r -> assertThat(r).contains("vitrine models pull whisper-base.en"));
    }

    @Test
    void auto_with_neither_recognizer_reports_both_reasons_until_a_whisper_model_is_there() throws Exception {
        var speech = new SpeechRecognizers(SpeechRecognizers.Mode.AUTO, whisper(dir), pocketsphinx("/nonexistent/pocketsphinx"));
        assertThat(speech.unavailable()).hasValueSatisfying(r -> assertThat(r).startsWith("no recognizer can run; whisper: no whisper model")
                .contains("pocketsphinx: /nonexistent/pocketsphinx not found"));
        TinyWhisperModel.pull(dir, "whisper-test-tiny", true);
        assertThat(speech.unavailable()).isEmpty();
        assertThat(speech.language()).isEqualTo("en");
    }

    @Test
    void off_turns_transcripts_off_and_says_by_which_setting() throws Exception {
        TinyWhisperModel.pull(dir, "whisper-test-tiny", false);
        var speech = new SpeechRecognizers(SpeechRecognizers.Mode.OFF, whisper(dir), pocketsphinx("pocketsphinx_continuous"));
        assertThat(speech.unavailable()).hasValue("turned off (VITRINE_TRANSCRIBER=off)");
    }
}
