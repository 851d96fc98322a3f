package io.vitrine.search.lucene;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.search.ByteVectorSimilarityQuery;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermRangeQuery;
import org.apache.lucene.util.BytesRef;

/**
 * Every document within a cosine similarity of a vector, one page at a time in id order: a similarity
 * threshold query over the HNSW graph (all matches, not the top k) restricted to ids after the previous
 * page's last, sorted by the id's doc values. Each page costs one graph traversal and holds only its
 * own hits, so walking a million matches needs no more memory than one page.
 */
final class SimilarityWalk {
    /**
     * The graph is traversed from a little below the asked similarity: a path to a match may lead
     * through neighbours just outside it. Results are still cut at the asked similarity.
     */
    static final float TRAVERSAL_MARGIN = 0.05f;
    static final int MAX_PAGE = 10_000;

    private SimilarityWalk() {}

    static List<String> page(IndexSearcher searcher, String space, float[] vector, float minSimilarity, String afterId, int limit)
            throws IOException {
        String field = VectorFields.field(space);
        byte[] target = VectorFields.quantize(vector);
        Query after = afterId == null ? null : TermRangeQuery.newStringRange(IndexSchema.ID, afterId, null, false, false);
        Query within = new ByteVectorSimilarityQuery.Explicit(field, target, score(minSimilarity - TRAVERSAL_MARGIN),
                score(minSimilarity), after);
        List<String> ids = new ArrayList<>();
        for (ScoreDoc d : searcher.search(within, Math.clamp(limit, 1, MAX_PAGE), new Sort(new SortField(IndexSchema.ID, SortField.Type.STRING)))
                .scoreDocs) {
            ids.add(((BytesRef) ((FieldDoc) d).fields[0]).utf8ToString());
        }
        return ids;
    }

    /** Lucene scores cosine as (1 + cos) / 2 so that scores are never negative. */
    private static float score(float cosine) {
        return (1 + Math.clamp(cosine, -1f, 1f)) / 2;
    }
}
