package io.vitrine.language;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Guesses the language of a short search query among the languages the vocabulary has labels for.
 * Statistical detectors (Lingua, Optimaize) need sentences and ship tens of megabytes of models;
 * queries are two to five words. So: script first (any Han character means Chinese), then for
 * Latin script three kinds of evidence, strongest first: words or phrases that are a concept's
 * label in one language ("praia", "Strand"), function words ("na", "am", "sur"), and letters one
 * language uses ("ñ", "ã", "ß"). No evidence, or a tie with English, means English.
 */
public final class LanguageDetector {

    public record Detection(String language, String evidence) {}

    static final List<String> LATIN = List.of("en", "es", "pt", "de", "fr");
    private static final int MAX_PHRASE_WORDS = 4;

    private static final Map<String, Set<String>> FUNCTION_WORDS = Map.of(
            "en", Set.of("the", "a", "an", "of", "in", "on", "at", "with", "and", "for", "from", "by", "to", "my", "our",
                    "people", "photo", "photos", "picture", "pictures"),
            "es", Set.of("el", "la", "los", "las", "un", "una", "unos", "del", "en", "con", "y", "para", "por", "al",
                    "sobre", "foto", "fotos"),
            "pt", Set.of("o", "os", "as", "um", "uma", "do", "da", "dos", "das", "no", "na", "nos", "nas", "em", "com",
                    "e", "para", "ao", "pelo", "pela", "foto", "fotos"),
            "de", Set.of("der", "die", "das", "den", "dem", "des", "ein", "eine", "einem", "einer", "und", "mit", "im",
                    "am", "auf", "von", "vom", "zum", "zur", "bei", "für", "foto", "fotos", "bild", "bilder"),
            "fr", Set.of("le", "la", "les", "un", "une", "des", "du", "de", "au", "aux", "sur", "dans", "avec", "et",
                    "pour", "en", "photo", "photos"));

    private static final Map<String, String> LETTERS = Map.of(
            "es", "ñ¿¡",
            "pt", "ãõ",
            "de", "ßäöü",
            "fr", "èëïœùûÿ");

    private final Map<String, Set<String>> labelLanguages;

    /** @param labels per language, the labels a query word or phrase may be (any case and accents) */
    public LanguageDetector(Map<String, ? extends Iterable<String>> labels) {
        Map<String, Set<String>> byLabel = new HashMap<>();
        labels.forEach((lang, values) -> values.forEach(v ->
                byLabel.computeIfAbsent(fold(v), k -> new java.util.HashSet<>()).add(lang)));
        this.labelLanguages = byLabel;
    }

    public Detection detect(String text) {
        if (text == null || text.isBlank()) {
            return new Detection("en", "empty query");
        }
        if (text.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN)) {
            return new Detection("zh", "Han script");
        }
        Map<String, Double> score = new LinkedHashMap<>();
        LATIN.forEach(l -> score.put(l, 0.0));
        Map<String, List<String>> why = new HashMap<>();
        List<String> words = words(text);
        labelEvidence(words, score, why);
        for (String w : words) {
            FUNCTION_WORDS.forEach((lang, set) -> {
                if (set.contains(w)) {
                    add(score, why, lang, 1.0, "'" + w + "'");
                }
            });
        }
        String lower = text.toLowerCase(Locale.ROOT);
        LETTERS.forEach((lang, letters) -> letters.chars().filter(c -> lower.indexOf(c) >= 0)
                .forEach(c -> add(score, why, lang, 2.0, "letter " + (char) c)));
        return best(score, why);
    }

    /** A word or phrase that is a label in few languages counts more than one shared by many. */
    private void labelEvidence(List<String> words, Map<String, Double> score, Map<String, List<String>> why) {
        for (int i = 0; i < words.size(); i++) {
            for (int n = Math.min(MAX_PHRASE_WORDS, words.size() - i); n >= 1; n--) {
                String phrase = fold(String.join(" ", words.subList(i, i + n)));
                Set<String> langs = labelLanguages.get(phrase);
                if (langs != null && langs.size() < LATIN.size()) {
                    double weight = 3.0 * n / langs.size();
                    langs.stream().filter(LATIN::contains).forEach(l -> add(score, why, l, weight, "label '" + phrase + "'"));
                    i += n - 1;
                    break;
                }
            }
        }
    }

    private static void add(Map<String, Double> score, Map<String, List<String>> why, String lang, double w, String reason) {
        score.merge(lang, w, Double::sum);
        why.computeIfAbsent(lang, k -> new ArrayList<>()).add(reason);
    }

    private static Detection best(Map<String, Double> score, Map<String, List<String>> why) {
        String best = "en";
        for (var e : score.entrySet()) {
            if (e.getValue() > score.get(best)) {
                best = e.getKey();
            }
        }
        if (score.get(best) == 0) {
            return new Detection("en", "no evidence for another language");
        }
        return new Detection(best, String.join(", ", why.get(best)));
    }

    static List<String> words(String text) {
        List<String> out = new ArrayList<>();
        for (String w : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}'’-]+")) {
            // French elision: "l'océan" is the word "océan"
            String t = w.replaceAll("^['’-]+|['’-]+$", "").replaceAll("^(?:l|d|j|m|n|s|t|c|qu)['’]", "");
            if (!t.isEmpty()) {
                out.add(t);
            }
        }
        return out;
    }

    /** Lowercase without accents: "Pôr do Sol" and "por do sol" are the same label. */
    public static String fold(String s) {
        String d = Normalizer.normalize(s.toLowerCase(Locale.ROOT).strip(), Normalizer.Form.NFD);
        return d.replaceAll("\\p{M}+", "").replaceAll("[\\s_]+", " ");
    }
}
