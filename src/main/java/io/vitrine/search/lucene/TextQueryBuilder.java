package io.vitrine.search.lucene;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.queryparser.simple.SimpleQueryParser;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;

/**
 * Free text to a query over the weighted fields of {@link IndexSchema#WEIGHTS}. Users get
 * {@code "phrases"}, {@code -not}, {@code prefix*} and {@code a | b}; every other character is
 * literal, so {@code title:x}, {@code *:*}, {@code ~} or {@code ^} cannot reach field syntax.
 * Never throws: text that parses to nothing, or to more clauses than Lucene allows, falls back to
 * its literal words. Text beyond {@link #MAX_CHARS} characters is ignored (cut, not rejected), as
 * a search box that silently keeps the first thousand characters surprises nobody.
 */
final class TextQueryBuilder {

    static final int MAX_CHARS = 1_000;
    /** Well under Lucene's default limit of 1,024 clauses, which the visitor below overcounts. */
    private static final int MAX_CLAUSES = 512;
    private static final int MAX_LITERAL_WORDS = 32;
    private static final int FLAGS = SimpleQueryParser.PHRASE_OPERATOR
            | SimpleQueryParser.NOT_OPERATOR
            | SimpleQueryParser.PREFIX_OPERATOR
            | SimpleQueryParser.OR_OPERATOR
            | SimpleQueryParser.WHITESPACE_OPERATOR;

    private final Analyzer analyzer;

    TextQueryBuilder(Analyzer analyzer) {
        this.analyzer = analyzer;
    }

    /**
     * The query of {@link #build(String)}, or, when the language has a {@link LanguageFields}
     * field, either it or the same text analysed for that language (stop words dropped, stemmed,
     * Chinese segmented): "team celebrating in an office" need not contain "in" and "an".
     */
    Query build(String rawText, String language) {
        Query base = build(rawText);
        if (!LanguageFields.supports(language) || base instanceof MatchAllDocsQuery || onlyNegative(base)) {
            return base;
        }
        String text = Texts.truncate(rawText, MAX_CHARS).strip();
        // no phrase operator: the language fields keep no positions ("a phrase" becomes its words)
        Query lang = parse(text, FLAGS & ~SimpleQueryParser.PHRASE_OPERATOR, Map.of(LanguageFields.field(language), LanguageFields.BOOST));
        if (!usable(lang) || onlyNegative(lang)) {
            return base;
        }
        return new BooleanQuery.Builder().setMinimumNumberShouldMatch(1)
                .add(base, Occur.SHOULD).add(mostWords(lang), Occur.SHOULD).build();
    }

    /**
     * Natural-language queries carry words the asset's text need not have ("horse in front of the
     * castle"): of three or more content words (stop words are already gone), one in three may be
     * missing; matching more of them ranks higher. Exclusions and phrases stay required.
     */
    private static Query mostWords(Query lang) {
        if (lang instanceof org.apache.lucene.search.BoostQuery boosted) {
            return new org.apache.lucene.search.BoostQuery(mostWords(boosted.getQuery()), boosted.getBoost());
        }
        if (!(lang instanceof BooleanQuery bq) || bq.clauses().size() < 3
                || !bq.clauses().stream().allMatch(c -> c.occur() == Occur.MUST || c.occur() == Occur.MUST_NOT)) {
            return lang;
        }
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        int words = 0;
        for (BooleanClause c : bq.clauses()) {
            boolean optional = c.occur() == Occur.MUST && !(c.query() instanceof org.apache.lucene.search.PhraseQuery);
            b.add(c.query(), optional ? Occur.SHOULD : c.occur());
            words += optional ? 1 : 0;
        }
        return words < 3 ? lang : b.setMinimumNumberShouldMatch(words - words / 3).build();
    }

    Query build(String rawText) {
        String text = rawText == null ? "" : Texts.truncate(rawText, MAX_CHARS).strip();
        if (text.isEmpty() || text.equals("*")) {
            return new MatchAllDocsQuery();
        }
        Query parsed = parse(text, FLAGS);
        Query query = usable(parsed) ? parsed : literal(text);
        return onlyNegative(query) ? withMatchAll(query) : query;
    }

    private Query parse(String text, int flags) {
        return parse(text, flags, IndexSchema.WEIGHTS);
    }

    private Query parse(String text, int flags, Map<String, Float> weights) {
        try {
            SimpleQueryParser parser = new SimpleQueryParser(analyzer, weights, flags);
            parser.setDefaultOperator(Occur.MUST);
            return parser.parse(text);
        } catch (RuntimeException e) {
            return null; // hostile text the parser chokes on: the literal fallback handles it
        }
    }

    /** The words of the text, operators dropped, halved until the query fits the clause limit. */
    private Query literal(String text) {
        List<String> words = Arrays.stream(text.split("[^\\p{L}\\p{N}]+"))
                .filter(w -> !w.isEmpty())
                .limit(MAX_LITERAL_WORDS)
                .toList();
        while (!words.isEmpty()) {
            Query query = parse(String.join(" ", words), SimpleQueryParser.WHITESPACE_OPERATOR);
            if (usable(query)) {
                return query;
            }
            words = words.subList(0, words.size() / 2);
        }
        return new MatchNoDocsQuery("no searchable words");
    }

    private static boolean usable(Query query) {
        if (query == null || query instanceof MatchNoDocsQuery) {
            return false;
        }
        if (query instanceof BooleanQuery bq && bq.clauses().isEmpty()) {
            return false;
        }
        return clauseCount(query) <= MAX_CLAUSES;
    }

    private static int clauseCount(Query query) {
        int[] count = {0};
        query.visit(new QueryVisitor() {
            @Override
            public void consumeTerms(Query q, org.apache.lucene.index.Term... terms) {
                count[0] += terms.length;
            }

            @Override
            public void visitLeaf(Query q) {
                count[0]++;
            }

            @Override
            public QueryVisitor getSubVisitor(Occur occur, Query parent) {
                count[0]++;
                return this;
            }
        });
        return count[0];
    }

    /** "-draft" alone means everything but drafts, not nothing. */
    private static boolean onlyNegative(Query query) {
        return query instanceof BooleanQuery bq
                && bq.clauses().stream().allMatch(c -> c.occur() == Occur.MUST_NOT);
    }

    private static Query withMatchAll(Query negative) {
        BooleanQuery.Builder builder = new BooleanQuery.Builder();
        builder.add(new MatchAllDocsQuery(), Occur.FILTER);
        for (BooleanClause clause : ((BooleanQuery) negative).clauses()) {
            builder.add(clause);
        }
        return builder.build();
    }
}
