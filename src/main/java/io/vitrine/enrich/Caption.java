package io.vitrine.enrich;

import java.util.ArrayList;
import java.util.List;

/**
 * An alt-text draft assembled by a fixed template from what enrichment found (shown concepts,
 * people, colours, text read), never from a language model, and never written into the asset's
 * description: a person copies it there if it is right. Written in the caller's language when it is
 * one of the vocabulary's six (labels, colour names and phrases), else English; the quoted text
 * stays as it was read.
 */
public record Caption(String text, String status, String source, String model, String language) {
    public static final String MODEL = "template@1";
    static final int MAX_CONCEPTS = 3;
    static final int MAX_QUOTE = 80;

    /** Empty when enrichment found nothing to say. */
    public static java.util.Optional<Caption> draft(Enrichment e, Vocabulary vocabulary, String lang) {
        String language = CaptionPhrases.language(lang);
        CaptionPhrases p = CaptionPhrases.of(language);
        List<String> parts = new ArrayList<>();
        List<String> labels = e.shown().stream().limit(MAX_CONCEPTS).map(c -> vocabulary.label(c.concept(), language)).toList();
        if (!labels.isEmpty()) {
            parts.add(String.format(p.imageOf(), p.list(labels)));
        }
        long people = e.people();
        if (people > 0) {
            parts.add(people == 1 ? p.onePerson() : String.format(p.people(), people));
        }
        List<String> colours = e.palette().stream().map(PaletteColour::name).distinct().limit(2)
                .map(c -> CaptionPhrases.colour(c, language)).toList();
        if (!colours.isEmpty() && !parts.isEmpty()) {
            parts.add(String.format(p.mostly(), p.list(colours)));
        }
        // printed text only: a transcript is a weak machine guess at speech, never quoted as if it were said
        e.texts().stream().filter(t -> t.status() != Tag.Status.REJECTED && t.source().equals(ReadText.OCR)).findFirst()
                .ifPresent(t -> parts.add(p.text() + p.open() + quote(t.content()) + p.close()));
        if (parts.isEmpty()) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(new Caption(String.join(language.equals("zh") ? "" : " ", parts), "draft", "ai", MODEL, language));
    }

    private static String quote(String text) {
        String flat = text.replaceAll("\\s+", " ").strip();
        return flat.length() <= MAX_QUOTE ? flat : flat.substring(0, MAX_QUOTE).strip() + "\u2026";
    }
}
