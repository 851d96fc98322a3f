package io.vitrine.search.lucene;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Comparator;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.KnnByteVectorField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.junit.jupiter.api.Test;

class SelectiveKnnQueryTest {
    private static final int DOCS = 20_000;
    private static final int DIMS = 64;

    @Test
    void under_a_selective_filter_it_returns_the_true_nearest_neighbours_of_the_filtered_documents() throws Exception {
        SplittableRandom r = new SplittableRandom(3);
        byte[][] vectors = new byte[DOCS][];
        try (Directory dir = new ByteBuffersDirectory()) {
            try (IndexWriter w = new IndexWriter(dir, new IndexWriterConfig().setMaxBufferedDocs(DOCS + 1))) {
                for (int i = 0; i < DOCS; i++) {
                    vectors[i] = VectorFields.quantize(gaussian(r));
                    Document d = new Document();
                    d.add(new StringField("id", Integer.toString(i), Field.Store.YES));
                    d.add(new StringField("bucket", Integer.toString(i % 40), Field.Store.NO)); // 2.5 % each
                    d.add(new KnnByteVectorField("v", vectors[i], VectorSimilarityFunction.COSINE));
                    w.addDocument(d);
                }
            }
            try (DirectoryReader reader = DirectoryReader.open(dir)) {
                IndexSearcher searcher = new IndexSearcher(reader);
                for (int q = 0; q < 10; q++) {
                    byte[] target = VectorFields.quantize(gaussian(r));
                    int bucket = q;
                    TopDocs found = searcher.search(new SelectiveKnnQuery("v", target, 20,
                            new TermQuery(new Term("bucket", Integer.toString(bucket)))), 20);
                    int[] truth = IntStream.range(0, DOCS).filter(i -> i % 40 == bucket).boxed()
                            .sorted(Comparator.comparingDouble((Integer i) -> -cosine(target, vectors[i])))
                            .limit(20).mapToInt(Integer::intValue).toArray();
                    assertThat(ids(searcher, found)).containsExactly(truth);
                }
            }
        }
    }

    @Test
    void with_stored_norms_it_scores_as_lucenes_cosine_also_in_a_segment_merged_with_documents_written_before_norms()
            throws Exception {
        SplittableRandom r = new SplittableRandom(5);
        String space = "test:v@1";
        String field = VectorFields.field(space);
        byte[][] vectors = new byte[DOCS][];
        try (Directory dir = new ByteBuffersDirectory()) {
            try (IndexWriter w = new IndexWriter(dir, new IndexWriterConfig().setMaxBufferedDocs(DOCS + 1))) {
                for (int i = 0; i < DOCS; i++) {
                    float[] v = gaussian(r);
                    vectors[i] = VectorFields.quantize(v);
                    Document d = new Document();
                    d.add(new StringField("id", Integer.toString(i), Field.Store.YES));
                    d.add(new StringField("bucket", Integer.toString(i % 40), Field.Store.NO));
                    if (i < DOCS / 2) { // as an index written before norms were stored
                        d.add(new KnnByteVectorField(field, vectors[i], VectorSimilarityFunction.COSINE));
                    } else {
                        VectorFields.addTo(d, java.util.Map.of(space, v));
                    }
                    w.addDocument(d);
                    if (i == DOCS / 2 - 1) {
                        w.commit();
                    }
                }
                w.forceMerge(1);
            }
            try (DirectoryReader reader = DirectoryReader.open(dir)) {
                assertThat(reader.leaves()).hasSize(1);
                IndexSearcher searcher = new IndexSearcher(reader);
                for (int q = 0; q < 10; q++) {
                    byte[] target = VectorFields.quantize(gaussian(r));
                    int bucket = q;
                    TopDocs found = searcher.search(new SelectiveKnnQuery(field, target, 20,
                            new TermQuery(new Term("bucket", Integer.toString(bucket)))), 20);
                    int[] truth = IntStream.range(0, DOCS).filter(i -> i % 40 == bucket).boxed()
                            .sorted(Comparator.comparingDouble((Integer i) -> -cosine(target, vectors[i])))
                            .limit(20).mapToInt(Integer::intValue).toArray();
                    int[] ids = ids(searcher, found);
                    assertThat(ids).containsExactly(truth);
                    for (int i = 0; i < ids.length; i++) {
                        assertThat(found.scoreDocs[i].score)
                                .isEqualTo(VectorSimilarityFunction.COSINE.compare(target, vectors[ids[i]]));
                    }
                }
            }
        }
    }

    @Test
    void only_a_filter_that_keeps_a_small_share_of_the_segment_is_searched_exactly() {
        assertThat(SelectiveKnnQuery.exact(true, 5_000, 1_000_000)).isTrue();
        assertThat(SelectiveKnnQuery.exact(true, 100_000, 1_000_000)).isTrue();
        assertThat(SelectiveKnnQuery.exact(true, 300_000, 1_000_000)).isFalse();
        assertThat(SelectiveKnnQuery.exact(false, 10, 1_000_000)).isFalse(); // no filter: the graph
        assertThat(SelectiveKnnQuery.exact(true, 1_000_000, 1_000_000)).isFalse(); // a filter that keeps all
    }

    private static int[] ids(IndexSearcher searcher, TopDocs top) throws java.io.IOException {
        int[] out = new int[top.scoreDocs.length];
        for (int i = 0; i < out.length; i++) {
            ScoreDoc d = top.scoreDocs[i];
            out[i] = Integer.parseInt(searcher.storedFields().document(d.doc).get("id"));
        }
        return out;
    }

    private static float[] gaussian(SplittableRandom r) {
        float[] v = new float[DIMS];
        for (int i = 0; i < DIMS; i++) {
            v[i] = (float) (r.nextDouble() * 2 - 1);
        }
        return v;
    }

    private static double cosine(byte[] a, byte[] b) {
        double dot = 0, na = 0, nb = 0;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] * b[i];
            na += a[i] * a[i];
            nb += b[i] * b[i];
        }
        return dot / Math.sqrt(na * nb);
    }
}
