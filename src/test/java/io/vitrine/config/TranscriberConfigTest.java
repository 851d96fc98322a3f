package io.vitrine.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TranscriberConfigTest {
    private static VitrineConfig.Transcripts load(Map<String, String> extra) {
        Map<String, String> env = new HashMap<>(Map.of("VITRINE_DATA", "/nonexistent-vitrine-data"));
        env.putAll(extra);
        return ConfigLoader.load(env).enrich().transcripts();
    }

    @Test
    void the_recognizer_is_chosen_automatically_from_the_best_installed_whisper_model_by_default() {
        assertThat(load(Map.of()).transcriber()).isEqualTo("auto");
        assertThat(load(Map.of()).whisperModel()).isNull();
        assertThat(ConfigLoader.load(Map.of("VITRINE_DATA", "/x")).redacted()).contains("transcriber=auto whisperModel=(best installed)");
    }

    @Test
    void the_recognizer_and_whisper_model_can_be_named() {
        assertThat(load(Map.of("VITRINE_TRANSCRIBER", " Whisper ")).transcriber()).isEqualTo("whisper");
        assertThat(load(Map.of("VITRINE_TRANSCRIBER", "pocketsphinx")).transcriber()).isEqualTo("pocketsphinx");
        assertThat(load(Map.of("VITRINE_TRANSCRIBER", "off")).transcriber()).isEqualTo("off");
        assertThat(load(Map.of("VITRINE_WHISPER_MODEL", "whisper-small")).whisperModel()).isEqualTo("whisper-small");
    }

    @Test
    void an_unknown_recognizer_or_a_model_name_that_is_a_path_fails_the_start_naming_the_key() {
        assertThatThrownBy(() -> load(Map.of("VITRINE_TRANSCRIBER", "vosk"))).hasMessageContaining("VITRINE_TRANSCRIBER must be auto, "
                + "whisper, pocketsphinx or off");
        assertThatThrownBy(() -> load(Map.of("VITRINE_WHISPER_MODEL", "../../etc/passwd"))).hasMessageContaining("VITRINE_WHISPER_MODEL");
    }
}
