package io.vitrine.search;

import java.util.List;

/**
 * What a typed query means beyond its words: its language (which picks the analyzer of the
 * language fields, see {@link SearchQuery#language()}), the vocabulary concepts it names, and the
 * text to embed for the semantic part of a hybrid search.
 */
@FunctionalInterface
public interface QueryInterpretation {

    Interpretation interpret(String text);

    /**
     * @param language ISO 639-1 code of the detected language
     * @param evidence why that language was chosen (shown by {@code explain=true})
     * @param concepts ids of the vocabulary concepts whose labels in that language the query contains
     * @param semanticText what to embed: the query itself when the embedder understands its
     *     language, else the concepts' labels in a language it does, or null to skip the semantic part
     */
    record Interpretation(String language, String evidence, List<String> concepts, String semanticText) {
        public Interpretation {
            concepts = concepts == null ? List.of() : List.copyOf(concepts);
        }

        /** An English query taken as it is: no detection configured. */
        public static Interpretation plain(String text) {
            return new Interpretation("en", "no language detection configured", List.of(), text);
        }
    }
}
