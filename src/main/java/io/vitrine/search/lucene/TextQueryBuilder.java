package io.vitrine.search.lucene;

import java.util.Arrays;
import java.util.List;
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
        try {
            SimpleQueryParser parser = new SimpleQueryParser(analyzer, IndexSchema.WEIGHTS, flags);
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
