package io.vitrine.enrich;

import java.util.List;
import java.util.Map;

/** Everything enrichment knows about one asset; {@code errors} maps a step (tags, palette, quality) to why it failed. */
public record Enrichment(List<Tag> tags, List<PaletteColour> palette, Quality quality, Map<String, String> errors) {
    public static Enrichment none() {
        return new Enrichment(List.of(), List.of(), null, Map.of());
    }
}
