package io.vitrine.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TextEmbedderConfigTest {
    private static VitrineConfig load(Map<String, String> extra) {
        Map<String, String> env = new HashMap<>(Map.of("VITRINE_DATA", "/nonexistent-vitrine-data"));
        env.putAll(extra);
        return ConfigLoader.load(env);
    }

    @Test
    void the_chinese_text_embedder_is_on_by_default_and_off_when_told() {
        assertThat(load(Map.of()).enrich().chineseTextEmbedder()).isTrue();
        assertThat(load(Map.of("VITRINE_TEXT_EMBEDDER_ZH", "off")).enrich().chineseTextEmbedder()).isFalse();
        assertThat(load(Map.of("VITRINE_TEXT_EMBEDDER_ZH", " OFF ")).enrich().chineseTextEmbedder()).isFalse();
        assertThat(load(Map.of("VITRINE_TEXT_EMBEDDER_ZH", "on")).enrich().chineseTextEmbedder()).isTrue();
        assertThat(load(Map.of("VITRINE_TEXT_EMBEDDER_ZH", "off")).redacted()).contains("textEmbedderZh=off");
    }

    @Test
    void a_value_that_is_neither_on_nor_off_fails_the_start_naming_the_key() {
        assertThatThrownBy(() -> load(Map.of("VITRINE_TEXT_EMBEDDER_ZH", "maybe")))
                .hasMessageContaining("VITRINE_TEXT_EMBEDDER_ZH must be on or off");
    }
}
