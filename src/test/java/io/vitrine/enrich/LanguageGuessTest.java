package io.vitrine.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Language of OCR text from script and function words. */
class LanguageGuessTest {
    @Test
    void names_the_language_of_ordinary_sentences() {
        assertThat(LanguageGuess.of("Please keep this door closed at all times.")).isEqualTo("en");
        assertThat(LanguageGuess.of("Der Eingang ist auf der Rückseite des Gebäudes.")).isEqualTo("de");
        assertThat(LanguageGuess.of("Le musée est fermé le lundi et les jours fériés.")).isEqualTo("fr");
        assertThat(LanguageGuess.of("La reunión empieza a las nueve en la sala grande.")).isEqualTo("es");
        assertThat(LanguageGuess.of("A exposição abre amanhã com entrada gratuita.")).isEqualTo("pt");
        assertThat(LanguageGuess.of("欢迎光临 本店营业时间")).isEqualTo("zh");
    }

    @Test
    void says_nothing_rather_than_guess_on_too_little_text() {
        assertThat(LanguageGuess.of("EXIT")).isNull();
        assertThat(LanguageGuess.of("  ")).isNull();
        assertThat(LanguageGuess.of(null)).isNull();
    }
}
