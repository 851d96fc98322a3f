package io.vitrine.enrich;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The controlled vocabulary shipped in {@code src/main/resources/vocabulary} (see its README):
 * concepts with stable ids, a broader concept, and labels per language; plus maps from a
 * classifier's class indexes to concepts.
 */
public final class Vocabulary {
    public static final List<String> LANGUAGES = List.of("en", "zh", "es", "pt", "de", "fr");

    public record Concept(String id, String broader, Map<String, String> labels) {}

    private final Map<String, Concept> concepts;

    Vocabulary(Map<String, Concept> concepts) {
        this.concepts = Map.copyOf(concepts);
    }

    public static Vocabulary bundled() {
        Map<String, Concept> concepts = new LinkedHashMap<>();
        for (String[] row : tsv("/vocabulary/concepts.tsv")) {
            Map<String, String> labels = new LinkedHashMap<>();
            for (int i = 0; i < LANGUAGES.size(); i++) {
                labels.put(LANGUAGES.get(i), row[3 + i]);
            }
            concepts.put(row[0], new Concept(row[0], row[1].isEmpty() ? null : row[1], labels));
        }
        return new Vocabulary(concepts);
    }

    /** Class index → concept id (null where the class maps to no concept), from a map file of the vocabulary. */
    public static List<String> classMap(String name) {
        List<String> out = new ArrayList<>();
        for (String[] row : tsv("/vocabulary/" + name + ".tsv")) {
            out.add(row.length > 2 && !row[2].isEmpty() ? row[2] : null);
        }
        return out;
    }

    /** Concept id → language → label, for reading queries ({@code language.QueryInterpreter}). */
    public Map<String, Map<String, String>> labels() {
        Map<String, Map<String, String>> out = new LinkedHashMap<>();
        concepts.values().forEach(c -> out.put(c.id(), c.labels()));
        return out;
    }

    public int size() {
        return concepts.size();
    }

    public Optional<Concept> concept(String id) {
        return Optional.ofNullable(concepts.get(id));
    }

    /** The label in {@code lang}, English when that language has none, the id for unknown concepts. */
    public String label(String id, String lang) {
        Concept c = concepts.get(id);
        if (c == null) {
            return id;
        }
        String l = c.labels().get(lang);
        return l == null || l.isBlank() ? c.labels().get("en") : l;
    }

    /** The concept and its broader concepts (nearest first). */
    public List<String> lineage(String id) {
        Set<String> out = new LinkedHashSet<>();
        for (String c = id; c != null && concepts.containsKey(c) && out.add(c); c = concepts.get(c).broader()) {
            // walks up; the set stops a cycle in hand-edited data
        }
        return List.copyOf(out);
    }

    /** Every label of the concept and its broader concepts in every language: a tag is found in any of them. */
    public List<String> searchTerms(String id) {
        List<String> terms = new ArrayList<>();
        for (String c : lineage(id)) {
            terms.addAll(new LinkedHashSet<>(concepts.get(c).labels().values()));
        }
        return terms;
    }

    /** {@code ?lang=} first, then the Accept-Language ranges in order, then English. */
    public static String pickLanguage(String lang, String acceptLanguage) {
        for (String candidate : candidates(lang, acceptLanguage)) {
            String base = candidate.strip().split("[-_;]", 2)[0].toLowerCase(Locale.ROOT);
            if (LANGUAGES.contains(base)) {
                return base;
            }
        }
        return "en";
    }

    private static List<String> candidates(String lang, String acceptLanguage) {
        List<String> out = new ArrayList<>();
        if (lang != null) {
            out.add(lang);
        }
        if (acceptLanguage != null) {
            try {
                Locale.LanguageRange.parse(acceptLanguage).forEach(r -> out.add(r.getRange()));
            } catch (IllegalArgumentException e) {
                // a malformed header means no preference
            }
        }
        return out;
    }

    private static List<String[]> tsv(String resource) {
        try (InputStream in = Vocabulary.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("vocabulary resource missing: " + resource);
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            return r.lines().skip(1).filter(l -> !l.isBlank()).map(l -> l.split("\t", -1)).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
