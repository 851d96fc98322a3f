package io.vitrine.metadata;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class RawTreeBuilderTest {

    @Test
    void caps_raw_metadata_size() {
        RawTreeBuilder tree = new RawTreeBuilder(1000, 50);
        String group = tree.newGroup("XMP");
        for (int i = 0; i < 100; i++) {
            tree.put(group, "key" + i, "v".repeat(100));
        }

        Map<String, Object> raw = tree.build();

        Map<?, ?> xmp = (Map<?, ?>) raw.get("XMP");
        assertThat(xmp.size()).isBetween(10, 20);
        assertThat(xmp.values()).allSatisfy(v -> assertThat(v.toString()).hasSize(51));
        assertThat(raw.get("_truncated")).isEqualTo(Map.of("droppedEntries", Integer.toString(100 - xmp.size())));
    }

    @Test
    void keeps_repeated_directories_and_tags_apart_and_drops_control_characters() {
        RawTreeBuilder tree = new RawTreeBuilder();
        String first = tree.newGroup("GPS");
        String second = tree.newGroup("GPS");
        tree.put(first, "Lat", "1");
        tree.put(second, "Lat", "2\u0000\u0007");
        tree.put(second, "Lat", "3");

        assertThat(tree.build()).isEqualTo(Map.of("GPS", Map.of("Lat", "1"),
                "GPS (2)", Map.of("Lat", "2", "Lat (2)", "3")));
    }
}
