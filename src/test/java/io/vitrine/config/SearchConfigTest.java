package io.vitrine.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SearchConfigTest {
    private static VitrineConfig load(Map<String, String> extra) {
        Map<String, String> env = new HashMap<>(Map.of("VITRINE_DATA", "/nonexistent-vitrine-data"));
        env.putAll(extra);
        return ConfigLoader.load(env);
    }

    @Test
    void a_search_spreads_over_the_cores_unless_told_otherwise() {
        assertThat(load(Map.of()).search().threads()).isEqualTo(Runtime.getRuntime().availableProcessors());
        assertThat(load(Map.of("VITRINE_SEARCH_THREADS", "1")).search().threads()).isEqualTo(1);
        assertThat(load(Map.of("VITRINE_SEARCH_THREADS", "3")).redacted()).contains("searchThreads=3");
    }

    @Test
    void zero_or_a_word_fails_the_start_naming_the_key() {
        assertThatThrownBy(() -> load(Map.of("VITRINE_SEARCH_THREADS", "0"))).hasMessageContaining("VITRINE_SEARCH_THREADS");
        assertThatThrownBy(() -> load(Map.of("VITRINE_SEARCH_THREADS", "many"))).hasMessageContaining("VITRINE_SEARCH_THREADS");
    }
}
