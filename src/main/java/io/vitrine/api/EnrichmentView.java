package io.vitrine.api;

import io.vitrine.enrich.Enrichment;
import io.vitrine.enrich.PaletteColour;
import io.vitrine.enrich.Quality;
import io.vitrine.enrich.Tag;
import io.vitrine.enrich.Vocabulary;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Enrichment as the asset JSON shows it: tag labels in the caller's language. */
record EnrichmentView(List<TagView> tags, List<PaletteColour> palette, Quality quality, Map<String, String> errors) {

    record TagView(String concept, String label, double confidence, String status, String source, String model,
            String modelVersion, Instant createdAt, Instant decidedAt) {}

    static final EnrichmentView NONE = new EnrichmentView(List.of(), List.of(), null, Map.of());

    static EnrichmentView of(Enrichment e, Vocabulary vocabulary, String lang) {
        return new EnrichmentView(e.tags().stream().map(t -> tag(t, vocabulary, lang)).toList(), e.palette(), e.quality(),
                e.errors());
    }

    static TagView tag(Tag t, Vocabulary vocabulary, String lang) {
        return new TagView(t.concept(), vocabulary.label(t.concept(), lang), t.confidence(), t.status().apiName(), t.source(),
                t.model(), t.modelVersion(), t.createdAt(), t.decidedAt());
    }
}
