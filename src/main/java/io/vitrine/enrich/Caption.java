package io.vitrine.enrich;

import java.util.ArrayList;
import java.util.List;

/**
 * An alt-text draft assembled by a fixed template from what enrichment found (shown concepts,
 * people, colours, text read), never from a language model, and never written into the asset's
 * description: a person copies it there if it is right. English only for now ({@code language}),
 * since colour names and the template are English; tag labels elsewhere follow the caller's language.
 */
public record Caption(String text, String status, String source, String model, String language) {
    public static final String MODEL = "template@1";
    static final int MAX_CONCEPTS = 3;
    static final int MAX_QUOTE = 80;

    /** Empty when enrichment found nothing to say. */
    public static java.util.Optional<Caption> draft(Enrichment e, Vocabulary vocabulary) {
        List<String> parts = new ArrayList<>();
        List<String> labels = e.shown().stream().limit(MAX_CONCEPTS).map(c -> vocabulary.label(c.concept(), "en")).toList();
        if (!labels.isEmpty()) {
            parts.add("Image of " + list(labels) + ".");
        }
        long people = e.people();
        if (people > 0) {
            parts.add(people == 1 ? "One person." : people + " people.");
        }
        List<String> colours = e.palette().stream().map(PaletteColour::name).distinct().limit(2).toList();
        if (!colours.isEmpty() && !parts.isEmpty()) {
            parts.add("Mostly " + String.join(" and ", colours) + ".");
        }
        e.texts().stream().filter(t -> t.status() != Tag.Status.REJECTED).findFirst()
                .ifPresent(t -> parts.add("Text: \u201c" + quote(t.content()) + "\u201d."));
        if (parts.isEmpty()) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(new Caption(String.join(" ", parts), "draft", "ai", MODEL, "en"));
    }

    private static String list(List<String> items) {
        if (items.size() == 1) {
            return items.getFirst();
        }
        return String.join(", ", items.subList(0, items.size() - 1)) + " and " + items.getLast();
    }

    private static String quote(String text) {
        String flat = text.replaceAll("\\s+", " ").strip();
        return flat.length() <= MAX_QUOTE ? flat : flat.substring(0, MAX_QUOTE).strip() + "\u2026";
    }
}
