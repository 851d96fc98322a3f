package io.vitrine.search.lucene;

import java.io.IOException;
import org.apache.lucene.index.ByteVectorValues;
import org.apache.lucene.index.KnnVectorValues;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.QueryTimeout;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.HitQueue;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TotalHits;
import org.apache.lucene.util.VectorUtil;

/**
 * The exact nearest neighbours of a segment's accepted documents by cosine, computed as one int8 dot
 * product per document over the squared norm the index stores beside each vector
 * ({@link VectorFields#normField}). Lucene's cosine computes the dot product and both norms for
 * every document; a profile of filtered searches at 1M assets spent 79 % of their time there, and
 * the dot product alone takes 0.67× of it (docs/benchmarks.md). Scores are Lucene's cosine scores,
 * {@code (1 + cos) / 2}, computed the same way, so the ranking is the same.
 */
final class DotProductExactSearch {
    /** How many documents are scored between two looks at the query's time budget. */
    private static final int TIMEOUT_CHECK = 1 << 10;

    private DotProductExactSearch() {}

    /** Null when the segment keeps no norms for this field (written before they existed): Lucene's own path then. */
    static TopDocs search(LeafReader reader, String field, byte[] target, int k, DocIdSetIterator accepted,
            QueryTimeout timeout) throws IOException {
        ByteVectorValues values = reader.getByteVectorValues(field);
        String normField = VectorFields.normField(field);
        NumericDocValues norms = normField == null ? null : reader.getNumericDocValues(normField);
        if (values == null || norms == null || values.dimension() != target.length) {
            return null;
        }
        double targetSquared = VectorFields.squaredNorm(target);
        KnnVectorValues.DocIndexIterator vectors = values.iterator();
        HitQueue queue = new HitQueue(k, true);
        ScoreDoc weakest = queue.top();
        boolean complete = true;
        int scored = 0;
        for (int doc = accepted.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = accepted.nextDoc()) {
            if (++scored % TIMEOUT_CHECK == 0 && timeout != null && timeout.shouldExit()) {
                complete = false;
                break;
            }
            if ((vectors.docID() < doc ? vectors.advance(doc) : vectors.docID()) != doc) {
                continue; // no vector in this space
            }
            byte[] vector = values.vectorValue(vectors.index());
            // a segment merged from older ones may hold documents written before norms were stored
            long squared = norms.advanceExact(doc) ? norms.longValue() : VectorFields.squaredNorm(vector);
            float score = score(VectorUtil.dotProduct(target, vector), targetSquared, squared);
            if (score > weakest.score) {
                weakest.score = score;
                weakest.doc = doc;
                weakest = queue.updateTop();
            }
        }
        return topDocs(queue, accepted.cost(), complete);
    }

    /** As Lucene's byte cosine score: the cosine in float, then mapped to [0, 1]. */
    static float score(int dot, double targetSquared, long squared) {
        float cosine = (float) (dot / Math.sqrt(targetSquared * squared));
        return Math.max((1 + cosine) / 2, 0f);
    }

    private static TopDocs topDocs(HitQueue queue, long accepted, boolean complete) {
        while (queue.size() > 0 && queue.top().score < 0) {
            queue.pop(); // the queue's sentinels: fewer documents than k
        }
        ScoreDoc[] docs = new ScoreDoc[queue.size()];
        for (int i = docs.length - 1; i >= 0; i--) {
            docs[i] = queue.pop();
        }
        return new TopDocs(new TotalHits(accepted,
                complete ? TotalHits.Relation.EQUAL_TO : TotalHits.Relation.GREATER_THAN_OR_EQUAL_TO), docs);
    }
}
