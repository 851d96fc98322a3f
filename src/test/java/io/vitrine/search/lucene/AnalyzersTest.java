package io.vitrine.search.lucene;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.junit.jupiter.api.Test;

class AnalyzersTest {

    private final Analyzer analyzer = Analyzers.perField();

    @Test
    void splits_filenames_into_words_and_digits() throws IOException {
        assertThat(tokens(IndexSchema.FILENAME, "IMG_1234.jpg")).containsExactly("img", "1234", "jpg");
        assertThat(tokens(IndexSchema.FILENAME, "Beach-Sunset_2024.png"))
                .containsExactly("beach", "sunset", "2024", "png");
        assertThat(tokens(IndexSchema.FILENAME, "BeachSunset2024 Été.HEIC"))
                .containsExactly("beach", "sunset", "2024", "ete", "heic");
    }

    @Test
    void folds_text_and_splits_on_colons() throws IOException {
        assertThat(tokens(IndexSchema.TITLE, "Café title:Beach")).containsExactly("cafe", "title", "beach");
    }

    @Test
    void language_fields_drop_stop_words_stem_and_fold_so_plurals_and_accents_meet() throws IOException {
        assertThat(tokens(LanguageFields.field("pt"), "Praias do Algarve")).isEqualTo(tokens(LanguageFields.field("pt"), "praia algarve"));
        assertThat(tokens(LanguageFields.field("pt"), "cães")).isEqualTo(tokens(LanguageFields.field("pt"), "cão"));
        assertThat(tokens(LanguageFields.field("de"), "Hunde am Strand")).isEqualTo(tokens(LanguageFields.field("de"), "Hund Strand"));
        assertThat(tokens(LanguageFields.field("fr"), "l'océan et les châteaux"))
                .isEqualTo(tokens(LanguageFields.field("fr"), "ocean chateau"));
        assertThat(tokens(LanguageFields.field("en"), "team celebrating in an office")).containsExactly("team", "celebr", "offic");
        assertThat(tokens(LanguageFields.field("es"), "perros en la playa")).isEqualTo(tokens(LanguageFields.field("es"), "perro playa"));
    }

    @Test
    void chinese_is_segmented_into_words_without_particles_and_each_word_also_yields_its_characters() throws IOException {
        assertThat(tokens(LanguageFields.field("zh"), "海滩上的狗")).containsExactly("海滩", "海", "滩", "狗");
        assertThat(tokens(LanguageFields.field("zh"), "湖泊")).containsExactly("湖泊", "湖", "泊");
    }

    private List<String> tokens(String field, String text) throws IOException {
        List<String> tokens = new ArrayList<>();
        try (TokenStream stream = analyzer.tokenStream(field, text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                tokens.add(term.toString());
            }
            stream.end();
        }
        return tokens;
    }
}
