package io.vitrine.search.lucene;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.junit.jupiter.api.Test;

class BoundedBoostQueryTest {
    private static final String[] WORDS = {"kite", "beach", "sunset", "team", "office", "dog", "red", "city"};

    @Test
    void skipping_hits_that_cannot_reach_the_page_finds_the_same_page_as_scoring_every_hit() throws Exception {
        try (Directory dir = new ByteBuffersDirectory()) {
            index(dir, 20_000);
            try (DirectoryReader reader = DirectoryReader.open(dir)) {
                IndexSearcher searcher = new IndexSearcher(reader);
                for (Query text : new Query[] {term("kite"), any("beach", "sunset"), all("team", "office")}) {
                    Query boosted = RankingSignals.boost(text);
                    TopDocs exhaustive = searcher.search(boosted, new TopScoreDocCollectorManager(50, Integer.MAX_VALUE));
                    TopDocs skipping = searcher.search(boosted, new TopScoreDocCollectorManager(50, 1));
                    assertThat(docs(skipping)).containsExactly(docs(exhaustive));
                    assertThat(scores(skipping)).containsExactly(scores(exhaustive));
                    // it did skip: fewer hits were counted than the query matches
                    assertThat(skipping.totalHits.value()).isLessThan(exhaustive.totalHits.value());
                    ScoreDoc best = exhaustive.scoreDocs[0];
                    assertThat(searcher.explain(boosted, best.doc).getValue().floatValue()).isEqualTo(best.score);
                }
            }
        }
    }

    @Test
    void multiplies_the_text_score_by_the_quality_and_recency_factor() throws Exception {
        try (Directory dir = new ByteBuffersDirectory()) {
            index(dir, 2_000);
            try (DirectoryReader reader = DirectoryReader.open(dir)) {
                IndexSearcher searcher = new IndexSearcher(reader);
                TopDocs plain = searcher.search(term("dog"), new TopScoreDocCollectorManager(2_000, Integer.MAX_VALUE));
                TopDocs boosted = searcher.search(RankingSignals.boost(term("dog")), new TopScoreDocCollectorManager(2_000, Integer.MAX_VALUE));
                assertThat(boosted.totalHits.value()).isEqualTo(plain.totalHits.value());
                for (ScoreDoc d : boosted.scoreDocs) {
                    float text = Arrays.stream(plain.scoreDocs).filter(p -> p.doc == d.doc).findFirst().orElseThrow().score;
                    assertThat(d.score / text).isBetween(1f, RankingSignals.MAX_FACTOR);
                }
            }
        }
    }

    private static void index(Directory dir, int docs) throws Exception {
        long today = Instant.now().truncatedTo(ChronoUnit.DAYS).toEpochMilli();
        SplittableRandom r = new SplittableRandom(11);
        try (IndexWriter w = new IndexWriter(dir, new IndexWriterConfig(new StandardAnalyzer()).setMaxBufferedDocs(4_000))) {
            for (int i = 0; i < docs; i++) {
                Document d = new Document();
                // most documents mention a word once in a long text, the first tenth are short and to
                // the point: once those filled the page, whole blocks of the long ones cannot reach it
                boolean longText = i >= docs / 10;
                StringBuilder text = new StringBuilder(longText ? "filler ".repeat(40) : "");
                for (int n = longText ? 2 : 1 + r.nextInt(3); n > 0; n--) {
                    text.append(WORDS[r.nextInt(WORDS.length)]).append(' ');
                }
                d.add(new TextField("t", text.toString(), Field.Store.NO));
                if (r.nextInt(4) > 0) {
                    d.add(new NumericDocValuesField(RankingSignals.QUALITY, r.nextInt(101)));
                }
                d.add(new NumericDocValuesField(IndexSchema.DATE, today - r.nextLong(3_000L * 86_400_000L)));
                w.addDocument(d);
            }
        }
    }

    private static Query term(String word) {
        return new TermQuery(new Term("t", word));
    }

    private static Query any(String... words) {
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        Arrays.stream(words).forEach(w -> b.add(term(w), Occur.SHOULD));
        return b.build();
    }

    private static Query all(String... words) {
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        Arrays.stream(words).forEach(w -> b.add(term(w), Occur.MUST));
        return b.build();
    }

    private static int[] docs(TopDocs top) {
        return Arrays.stream(top.scoreDocs).mapToInt(d -> d.doc).toArray();
    }

    private static Float[] scores(TopDocs top) {
        return Arrays.stream(top.scoreDocs).map(d -> d.score).toArray(Float[]::new);
    }
}
