package io.vitrine.concept;

import io.vitrine.enrich.Vocabulary;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/** Checks and normalises what people type as concept ids, labels and synonyms (all of it hostile until checked). */
final class Words {
    static final int MAX_TERM = 100;
    static final int MAX_SYNONYMS = 20;
    static final Pattern ID = Pattern.compile("[a-z0-9](?:[a-z0-9-]{0,30}[a-z0-9])?");
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");

    private Words() {}

    /** The slug of an English label: "Golden Retriever" → "golden-retriever"; empty when nothing Latin is left. */
    static String slug(String label) {
        String s = MARKS.matcher(Normalizer.normalize(label, Normalizer.Form.NFD)).replaceAll("").toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        return s.length() > 32 ? s.substring(0, 32).replaceAll("-+$", "") : s;
    }

    /** How two terms compare for collisions and query reading: case, accents and spacing ignored. */
    static String fold(String term) {
        return MARKS.matcher(Normalizer.normalize(term, Normalizer.Form.NFKD)).replaceAll("").toLowerCase(Locale.ROOT)
                .replaceAll("\\s+", " ").strip();
    }

    static String term(String lang, String raw, String what) {
        language(lang, what);
        if (raw == null) {
            throw ConceptException.invalid(what + " in '" + lang + "' must be a string");
        }
        String t = Normalizer.normalize(raw, Normalizer.Form.NFC).replaceAll("\\s+", " ").strip();
        if (t.isEmpty() || t.length() > MAX_TERM) {
            throw ConceptException.invalid(what + " in '" + lang + "' must have 1 to " + MAX_TERM + " characters");
        }
        if (t.codePoints().anyMatch(c -> Character.isISOControl(c) || Character.getType(c) == Character.FORMAT
                || Character.getType(c) == Character.PRIVATE_USE || Character.getType(c) == Character.SURROGATE)) {
            throw ConceptException.invalid(what + " in '" + lang + "' contains control or invisible characters");
        }
        if (t.codePoints().noneMatch(Character::isLetterOrDigit)) {
            throw ConceptException.invalid(what + " in '" + lang + "' must contain a letter or digit");
        }
        if (t.indexOf('<') >= 0 || t.indexOf('>') >= 0) {
            throw ConceptException.invalid(what + " in '" + lang + "' must not contain '<' or '>'");
        }
        return t;
    }

    static void language(String lang, String what) {
        if (!Vocabulary.LANGUAGES.contains(lang)) {
            throw ConceptException.invalid(what + ": language '" + abbreviate(lang) + "' is not one of " + Vocabulary.LANGUAGES);
        }
    }

    static Map<String, String> labels(Map<String, String> raw) {
        Map<String, String> out = new LinkedHashMap<>();
        raw.forEach((lang, label) -> out.put(lang, term(lang, label, "label")));
        return out;
    }

    static Map<String, List<String>> synonyms(Map<String, List<String>> raw) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        raw.forEach((lang, words) -> {
            language(lang, "synonyms");
            if (words == null || words.size() > MAX_SYNONYMS) {
                throw ConceptException.invalid("synonyms in '" + lang + "' must be a list of at most " + MAX_SYNONYMS + " words");
            }
            List<String> clean = new ArrayList<>();
            for (String w : words) {
                String t = term(lang, w, "synonym");
                if (clean.stream().noneMatch(c -> fold(c).equals(fold(t)))) {
                    clean.add(t);
                }
            }
            if (!clean.isEmpty()) {
                out.put(lang, List.copyOf(clean));
            }
        });
        return out;
    }

    static String abbreviate(String s) {
        return s == null ? "" : s.length() > 60 ? s.substring(0, 60) + "…" : s;
    }
}
