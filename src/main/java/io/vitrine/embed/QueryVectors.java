package io.vitrine.embed;

import io.vitrine.search.QueryInterpretation.Interpretation;
import io.vitrine.search.SearchQuery;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Which text spaces a query is searched in, by the language it was read in. A query in a language
 * one space serves (English → bge-small-en, Chinese → bge-small-zh) is embedded as typed and searched
 * in that space's words and concepts. A query translated into its concepts' English labels (a language
 * no space serves) is searched among the first (English) space's words only: the concepts space would
 * only add loose neighbours, since its assets carry the very tags the keyword search already matches.
 */
public final class QueryVectors {
    static final int K = 100;

    private final List<TextSpace> spaces;
    private final boolean alsoEnglishLabels;
    private final Function<String, String> englishLabel;

    /**
     * @param spaces the first one is English and serves translated queries
     * @param alsoEnglishLabels whether a query read in another space's language is also searched among
     *     the English space's words through its concepts' English labels
     */
    public QueryVectors(List<TextSpace> spaces, boolean alsoEnglishLabels, Function<String, String> englishLabel) {
        this.spaces = List.copyOf(spaces);
        this.alsoEnglishLabels = alsoEnglishLabels;
        this.englishLabel = englishLabel;
    }

    /** The languages queries may be embedded in as typed. */
    public List<String> languages() {
        return spaces.stream().flatMap(s -> s.queryLanguages().stream()).distinct().toList();
    }

    /** The vectors of a query read as {@code read}; {@code typed} is the query as typed. Empty when there is nothing to embed. */
    public List<SearchQuery.Vector> of(Interpretation read, String typed) {
        if (read.semanticText() == null || read.semanticText().isBlank()) {
            return List.of();
        }
        TextSpace english = spaces.getFirst();
        Optional<TextSpace> own = spaces.stream().filter(s -> s.queryLanguages().contains(read.language())).findFirst();
        if (own.isEmpty() || !read.semanticText().equals(typed)) {
            return List.of(words(english, read.semanticText()));
        }
        TextSpace s = own.get();
        float[] q = s.embed(typed);
        List<SearchQuery.Vector> out = new ArrayList<>(List.of(new SearchQuery.Vector(s.wordsSpace(), q, K, 1f, s.minSimilarity()),
                new SearchQuery.Vector(s.conceptsSpace(), q, K, 1f, s.minSimilarity())));
        if (s != english && alsoEnglishLabels && !read.concepts().isEmpty()) {
            out.add(words(english, englishLabels(read)));
        }
        return out;
    }

    /** The concepts the query names, in English (what a CLIP text tower and bge-small-en read). */
    public String englishLabels(Interpretation read) {
        return String.join(", ", read.concepts().stream().map(englishLabel).toList());
    }

    private static SearchQuery.Vector words(TextSpace s, String text) {
        return new SearchQuery.Vector(s.wordsSpace(), s.embed(text), K, 1f, s.minSimilarity());
    }
}
