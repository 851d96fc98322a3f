package io.vitrine.language;

import io.vitrine.search.QueryInterpretation;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a query with the controlled vocabulary: detects its language, finds the concepts whose
 * labels in that language it names (longest phrase first, case and accents ignored, simple
 * plurals folded), and tells the semantic search what to embed: the query as typed in a language
 * a loaded text embedder understands (en; zh with bge-small-zh on), else — embedding "pôr do sol na
 * praia" as if it were English gives noise — its concepts' English labels, or nothing when it names
 * no concept; its words still go to the keyword search with that language's analyzer.
 */
public final class QueryInterpreter implements QueryInterpretation {
    private static final int MAX_PHRASE_WORDS = 4;
    /** Plural endings (on folded words) and what the singular ends with instead: cães → cão, animais → animal. */
    private static final List<String[]> PLURALS = List.of(new String[] {"aes", "ao"}, new String[] {"oes", "ao"},
            new String[] {"ais", "al"}, new String[] {"eis", "el"}, new String[] {"aux", "al"}, new String[] {"es", ""},
            new String[] {"s", ""}, new String[] {"en", ""}, new String[] {"n", ""}, new String[] {"e", ""},
            new String[] {"x", ""});

    private final LanguageDetector detector;
    private final Map<String, Map<String, String>> conceptsByLabel = new HashMap<>();
    private final Map<String, String> english = new HashMap<>();
    private final Set<String> embedderLanguages;

    /**
     * @param labels concept id → language → label
     * @param embedderLanguages languages the query embedder understands (["en"] for bge-small-en)
     */
    public QueryInterpreter(Map<String, Map<String, String>> labels, Set<String> embedderLanguages) {
        this(singletons(labels), embedderLanguages, true);
    }

    /**
     * @param terms concept id → language → words that name it: its label first, then its synonyms
     * @param embedderLanguages languages the query embedder understands (["en"] for bge-small-en)
     * @param withSynonyms marks this constructor apart from the labels-only one (same erased type)
     */
    public QueryInterpreter(Map<String, Map<String, List<String>>> terms, Set<String> embedderLanguages, boolean withSynonyms) {
        Map<String, List<String>> perLanguage = new HashMap<>();
        terms.forEach((concept, byLang) -> byLang.forEach((lang, words) -> words.forEach(word -> {
            if (word != null && !word.isBlank()) {
                perLanguage.computeIfAbsent(lang, k -> new ArrayList<>()).add(word);
                conceptsByLabel.computeIfAbsent(lang, k -> new HashMap<>()).putIfAbsent(LanguageDetector.fold(word), concept);
            }
        })));
        terms.forEach((concept, byLang) -> english.put(concept,
                byLang.getOrDefault("en", List.of()).stream().findFirst().orElse(concept)));
        this.detector = new LanguageDetector(perLanguage);
        this.embedderLanguages = Set.copyOf(embedderLanguages);
    }

    private static Map<String, Map<String, List<String>>> singletons(Map<String, Map<String, String>> labels) {
        Map<String, Map<String, List<String>>> out = new java.util.LinkedHashMap<>();
        labels.forEach((concept, byLang) -> {
            Map<String, List<String>> words = new java.util.LinkedHashMap<>();
            byLang.forEach((lang, label) -> words.put(lang, label == null ? List.of() : List.of(label)));
            out.put(concept, words);
        });
        return out;
    }

    @Override
    public Interpretation interpret(String text) {
        LanguageDetector.Detection d = detector.detect(text);
        List<String> concepts = text == null ? List.of() : concepts(text, d.language());
        String semantic;
        if (embedderLanguages.contains(d.language())) {
            semantic = text;
        } else if (!concepts.isEmpty()) {
            semantic = String.join(", ", concepts.stream().map(english::get).toList());
        } else {
            semantic = null;
        }
        return new Interpretation(d.language(), d.evidence(), concepts, semantic);
    }

    /** Concepts named in the text, in order of appearance. */
    List<String> concepts(String text, String language) {
        Map<String, String> labels = conceptsByLabel.getOrDefault(language, Map.of());
        return language.equals("zh") ? hanConcepts(text, labels) : wordConcepts(text, labels);
    }

    private static List<String> wordConcepts(String text, Map<String, String> labels) {
        List<String> words = LanguageDetector.words(text).stream().map(LanguageDetector::fold).toList();
        Set<String> out = new LinkedHashSet<>();
        for (int i = 0; i < words.size(); i++) {
            for (int n = Math.min(MAX_PHRASE_WORDS, words.size() - i); n >= 1; n--) {
                String concept = lookup(labels, words.subList(i, i + n));
                if (concept != null) {
                    out.add(concept);
                    i += n - 1;
                    break;
                }
            }
        }
        return List.copyOf(out);
    }

    /** The phrase as written, else with its last word's plural ending taken off ("praias", "Hunden"). */
    private static String lookup(Map<String, String> labels, List<String> phrase) {
        String joined = String.join(" ", phrase);
        String exact = labels.get(joined);
        if (exact != null) {
            return exact;
        }
        String head = String.join(" ", phrase.subList(0, phrase.size() - 1));
        String last = phrase.get(phrase.size() - 1);
        for (String[] rule : PLURALS) {
            String ending = rule[0];
            if (last.length() - ending.length() + rule[1].length() >= 3 && last.endsWith(ending)) {
                String stem = last.substring(0, last.length() - ending.length()) + rule[1];
                String hit = labels.get(head.isEmpty() ? stem : head + " " + stem);
                if (hit != null) {
                    return hit;
                }
            }
        }
        return null;
    }

    /** Chinese has no spaces: the longest label starting at each position, left to right. */
    private static List<String> hanConcepts(String text, Map<String, String> labels) {
        String s = LanguageDetector.fold(text);
        int longest = labels.keySet().stream().mapToInt(String::length).max().orElse(0);
        Set<String> out = new LinkedHashSet<>();
        for (int i = 0; i < s.length(); ) {
            int matched = 0;
            for (int n = Math.min(longest, s.length() - i); n >= 1 && matched == 0; n--) {
                String concept = labels.get(s.substring(i, i + n));
                if (concept != null) {
                    out.add(concept);
                    matched = n;
                }
            }
            i += Math.max(1, matched);
        }
        return List.copyOf(out);
    }
}
