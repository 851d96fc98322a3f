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
 * The controlled vocabulary: the concepts shipped in {@code src/main/resources/vocabulary} (see its
 * README) with stable ids, a broader concept and labels per language, plus maps from a classifier's
 * class indexes to concepts; and over them what people added (their own concepts, synonyms on any
 * concept), which {@link #update} swaps in as a whole, so readers always see one consistent
 * snapshot and the query side and the index pick changes up without a restart.
 */
public final class Vocabulary {
    public static final List<String> LANGUAGES = List.of("en", "zh", "es", "pt", "de", "fr");

    /**
     * @param synonyms further words per language that name the concept (found in queries and the index, never shown as its label)
     * @param shipped part of the bundled data (its labels and broader concept are not editable)
     */
    public record Concept(String id, String broader, Map<String, String> labels, Map<String, List<String>> synonyms,
            boolean shipped) {
        public Concept {
            labels = Map.copyOf(labels);
            synonyms = synonyms == null ? Map.of() : Map.copyOf(synonyms);
        }

        public Concept(String id, String broader, Map<String, String> labels) {
            this(id, broader, labels, Map.of(), true);
        }
    }

    /** What people added: their concepts, and synonyms (concept → language → words) on any concept. */
    public record Additions(List<Concept> concepts, Map<String, Map<String, List<String>>> synonyms) {}

    private final Map<String, Concept> shipped;
    private volatile Map<String, Concept> concepts;
    private final List<Runnable> listeners = new java.util.concurrent.CopyOnWriteArrayList<>();

    Vocabulary(Map<String, Concept> concepts) {
        this.shipped = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(concepts));
        this.concepts = this.shipped;
    }

    /**
     * Replaces what people added (a user concept never replaces a shipped one) and tells the
     * listeners when anything changed.
     */
    public void update(Additions additions) {
        Map<String, Concept> next = new LinkedHashMap<>(shipped);
        for (Concept c : additions.concepts()) {
            next.putIfAbsent(c.id(), new Concept(c.id(), c.broader(), c.labels(), Map.of(), false));
        }
        additions.synonyms().forEach((id, words) -> next.computeIfPresent(id,
                (k, c) -> new Concept(c.id(), c.broader(), c.labels(), words, c.shipped())));
        Map<String, Concept> frozen = java.util.Collections.unmodifiableMap(next);
        if (!frozen.equals(concepts)) {
            concepts = frozen;
            listeners.forEach(Runnable::run);
        }
    }

    /** Runs {@code listener} after every change {@link #update} makes. */
    public void onChange(Runnable listener) {
        listeners.add(listener);
    }

    /** Every concept, shipped ones first in file order, then people's. */
    public List<Concept> all() {
        return List.copyOf(concepts.values());
    }

    /** Concepts whose broader concept is {@code id}. */
    public List<String> narrower(String id) {
        return concepts.values().stream().filter(c -> id.equals(c.broader())).map(Concept::id).toList();
    }

    /** Concept id → language → its label first, then its synonyms (for reading queries). */
    public Map<String, Map<String, List<String>>> terms() {
        Map<String, Map<String, List<String>>> out = new LinkedHashMap<>();
        for (Concept c : concepts.values()) {
            Map<String, List<String>> byLang = new LinkedHashMap<>();
            c.labels().forEach((lang, label) -> byLang.computeIfAbsent(lang, k -> new ArrayList<>()).add(label));
            c.synonyms().forEach((lang, words) -> byLang.computeIfAbsent(lang, k -> new ArrayList<>()).addAll(words));
            out.put(c.id(), byLang);
        }
        return out;
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
        if (l == null || l.isBlank()) {
            l = c.labels().get("en");
        }
        // a concept people named only in other languages still shows a word, not its id
        return l == null || l.isBlank() ? c.labels().values().stream().filter(v -> !v.isBlank()).findFirst().orElse(id) : l;
    }

    /** The concept and its broader concepts (nearest first). */
    public List<String> lineage(String id) {
        Set<String> out = new LinkedHashSet<>();
        Map<String, Concept> snapshot = concepts;
        for (String c = id; c != null && snapshot.containsKey(c) && out.add(c); c = snapshot.get(c).broader()) {
            // walks up; the set stops a cycle in hand-edited data
        }
        return List.copyOf(out);
    }

    /** Every label and synonym of the concept and its broader concepts in every language: a tag is found by any of them. */
    public List<String> searchTerms(String id) {
        Map<String, Concept> snapshot = concepts;
        List<String> terms = new ArrayList<>();
        for (String c : lineage(id)) {
            Concept concept = snapshot.get(c);
            if (concept != null) {
                terms.addAll(new LinkedHashSet<>(concept.labels().values()));
                concept.synonyms().values().forEach(terms::addAll);
            }
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
