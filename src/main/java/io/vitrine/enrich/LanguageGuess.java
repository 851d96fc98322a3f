package io.vitrine.enrich;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Which of the OCR languages (en, de, fr, es, pt, zh) a short text is in, from its script and its
 * function words: enough to label a sign or a slide, with no model to ship. Returns null rather
 * than guess when the text is too short or two languages tie.
 */
public final class LanguageGuess {
    private static final Map<String, Set<String>> WORDS = Map.of(
            "en", Set.of("the", "and", "of", "to", "in", "is", "for", "with", "on", "that", "this", "over", "are", "by", "from", "it", "you", "your", "we", "be", "not", "at"),
            "de", Set.of("der", "die", "das", "und", "ist", "nicht", "mit", "ein", "eine", "den", "dem", "von", "zu", "für", "auf", "im", "sich", "über", "auch", "wir", "sie", "es"),
            "fr", Set.of("le", "la", "les", "et", "est", "des", "une", "un", "du", "pour", "dans", "pas", "sur", "au", "avec", "que", "qui", "nous", "vous", "ce", "il", "sont"),
            "es", Set.of("el", "la", "los", "las", "y", "es", "del", "una", "un", "por", "para", "con", "que", "en", "se", "su", "al", "como", "más", "pero", "sobre", "está"),
            "pt", Set.of("o", "a", "os", "as", "e", "é", "do", "da", "dos", "das", "um", "uma", "para", "com", "não", "que", "em", "no", "na", "por", "sobre", "está"));
    private static final Map<String, String> LETTERS = Map.of(
            "de", "äöüß", "fr", "èêëàâçœîôù", "es", "ñ¿¡áíóú", "pt", "ãõçáâêô");

    private LanguageGuess() {}

    public static String of(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        if (hanShare(text) >= 0.3) {
            return "zh";
        }
        String lower = text.toLowerCase(Locale.ROOT);
        List<String> tokens = List.of(lower.split("[^\\p{L}]+"));
        Map<String, Double> score = new HashMap<>();
        WORDS.forEach((lang, words) -> score.put(lang, (double) tokens.stream().filter(words::contains).count()));
        LETTERS.forEach((lang, letters) -> lower.chars().filter(c -> letters.indexOf(c) >= 0)
                .forEach(c -> score.merge(lang, 0.5, Double::sum)));
        var ranked = score.entrySet().stream().sorted(Map.Entry.<String, Double>comparingByValue().reversed()).toList();
        double best = ranked.get(0).getValue();
        boolean clear = best >= 1.5 && best > ranked.get(1).getValue();
        return clear ? ranked.get(0).getKey() : null;
    }

    private static double hanShare(String text) {
        long letters = text.codePoints().filter(Character::isLetter).count();
        long han = text.codePoints().filter(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN).count();
        return letters == 0 ? 0 : (double) han / letters;
    }
}
