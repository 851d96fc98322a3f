package io.vitrine.search.lucene;

import java.io.Reader;
import java.util.HashMap;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.charfilter.MappingCharFilter;
import org.apache.lucene.analysis.charfilter.NormalizeCharMap;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.miscellaneous.WordDelimiterGraphFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.util.CharTokenizer;

/** The analyzers of the index; the same ones serve indexing and querying. */
final class Analyzers {

    private Analyzers() {}

    /**
     * Filename analyzer for {@link IndexSchema#FILENAME}, a language's analyzer for its {@link
     * LanguageFields} field, the text analyzer for every other field.
     */
    static Analyzer perField() {
        Map<String, Analyzer> perField = new HashMap<>(LanguageFields.analyzers());
        perField.put(IndexSchema.FILENAME, new FilenameAnalyzer());
        return new PerFieldAnalyzerWrapper(new TextAnalyzer(), perField);
    }

    /**
     * Words in any script, lowercased and folded so that "Café" matches "cafe". Colons separate
     * words: Unicode keeps "title:beach" as one word, but users mean two (and typed query syntax
     * must read as the literal words it contains).
     */
    static final class TextAnalyzer extends Analyzer {
        private static final NormalizeCharMap COLON_AS_SPACE = colonAsSpace();

        @Override
        protected Reader initReader(String fieldName, Reader reader) {
            return new MappingCharFilter(COLON_AS_SPACE, reader);
        }

        private static NormalizeCharMap colonAsSpace() {
            NormalizeCharMap.Builder builder = new NormalizeCharMap.Builder();
            builder.add(":", " ");
            return builder.build();
        }

        @Override
        protected TokenStreamComponents createComponents(String fieldName) {
            Tokenizer source = new StandardTokenizer();
            return new TokenStreamComponents(source, fold(source));
        }

        @Override
        protected TokenStream normalize(String fieldName, TokenStream in) {
            return fold(in);
        }
    }

    /**
     * Filenames are one "word" to a standard tokenizer ("IMG_1234", "Beach-Sunset_2024"), so they
     * are split on every non-alphanumeric character, on letter/digit boundaries and on case
     * changes: IMG_1234.jpg gives img, 1234, jpg; BeachSunset2024 gives beach, sunset, 2024.
     */
    static final class FilenameAnalyzer extends Analyzer {
        private static final int SPLIT = WordDelimiterGraphFilter.GENERATE_WORD_PARTS
                | WordDelimiterGraphFilter.GENERATE_NUMBER_PARTS
                | WordDelimiterGraphFilter.SPLIT_ON_CASE_CHANGE
                | WordDelimiterGraphFilter.SPLIT_ON_NUMERICS;

        @Override
        protected TokenStreamComponents createComponents(String fieldName) {
            Tokenizer source = CharTokenizer.fromTokenCharPredicate(Character::isLetterOrDigit);
            // no PRESERVE_ORIGINAL or catenation: the stream stays linear, so no graph flattening
            TokenStream split = new WordDelimiterGraphFilter(source, SPLIT, null);
            return new TokenStreamComponents(source, fold(split));
        }

        @Override
        protected TokenStream normalize(String fieldName, TokenStream in) {
            return fold(in);
        }
    }

    private static TokenStream fold(TokenStream in) {
        return new ASCIIFoldingFilter(new LowerCaseFilter(in));
    }
}
