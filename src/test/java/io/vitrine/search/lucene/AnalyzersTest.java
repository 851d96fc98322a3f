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
