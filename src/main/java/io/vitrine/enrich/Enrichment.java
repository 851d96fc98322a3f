package io.vitrine.enrich;

import java.util.List;
import java.util.Map;

/**
 * Everything enrichment knows about one asset; {@code errors} maps a step (tags, palette, quality,
 * faces, ocr, transcript) to why it failed. {@code shown}: the concepts the asset is shown with (accepted tags,
 * drafts above their threshold), which the caption draft names. {@code transcript}: the last transcript
 * run's grade, segments and cut (null when none ran); its words are among {@code texts}.
 */
public record Enrichment(List<Tag> tags, List<PaletteColour> palette, Quality quality, Map<String, String> errors,
        List<Face> faces, List<ReadText> texts, List<ConceptScore> shown, TranscriptDetails transcript) {

    public Enrichment {
        faces = faces == null ? List.of() : List.copyOf(faces);
        texts = texts == null ? List.of() : List.copyOf(texts);
        shown = shown == null ? List.of() : List.copyOf(shown);
    }

    public Enrichment(List<Tag> tags, List<PaletteColour> palette, Quality quality, Map<String, String> errors,
            List<Face> faces, List<ReadText> texts, List<ConceptScore> shown) {
        this(tags, palette, quality, errors, faces, texts, shown, null);
    }

    public Enrichment(List<Tag> tags, List<PaletteColour> palette, Quality quality, Map<String, String> errors) {
        this(tags, palette, quality, errors, List.of(), List.of(), List.of());
    }

    public static Enrichment none() {
        return new Enrichment(List.of(), List.of(), null, Map.of());
    }

    /** Faces nobody rejected: people present, as far as anyone knows. */
    public long people() {
        return faces.stream().filter(Face::counts).count();
    }
}
