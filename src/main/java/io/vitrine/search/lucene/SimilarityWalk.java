package io.vitrine.search.lucene;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import org.apache.lucene.index.ByteVectorValues;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.VectorScorer;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;

/**
 * Every document within a cosine similarity of a vector, one page at a time in id order. Each page is
 * one exact pass over the field's int8 vectors (Lucene's vectorised scorer), keeping only the page's
 * smallest ids after the previous page's last, so memory is one page however many documents match.
 * Not the HNSW graph: a similarity-threshold traversal of the graph (ByteVectorSimilarityQuery) was
 * measured here to miss 1 % of the matches of a tight cluster (19,808 of 20,000 at 100k × 256-d; the
 * cluster's nodes it cannot reach), and it costs a traversal of every match per page anyway.
 */
final class SimilarityWalk {
    static final int MAX_PAGE = 10_000;

    private SimilarityWalk() {}

    static List<String> page(IndexSearcher searcher, String space, float[] vector, float minSimilarity, String afterId, int limit)
            throws IOException {
        String field = VectorFields.field(space);
        byte[] target = VectorFields.quantize(vector);
        // Lucene scores cosine as (1 + cos) / 2 so that scores are never negative
        float min = (1 + Math.clamp(minSimilarity, -1f, 1f)) / 2;
        BytesRef after = afterId == null ? null : new BytesRef(afterId);
        int n = Math.clamp(limit, 1, MAX_PAGE);
        PriorityQueue<BytesRef> kept = new PriorityQueue<>(n + 1, Comparator.reverseOrder());
        for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
            scan(leaf, field, target, min, after, n, kept);
        }
        List<String> ids = new ArrayList<>(kept.size());
        kept.stream().sorted().forEach(id -> ids.add(id.utf8ToString()));
        return ids;
    }

    /** Adds the segment's matching ids after {@code after} to {@code kept}, which holds the {@code n} smallest so far. */
    private static void scan(LeafReaderContext leaf, String field, byte[] target, float min, BytesRef after, int n,
            PriorityQueue<BytesRef> kept) throws IOException {
        ByteVectorValues values = leaf.reader().getByteVectorValues(field);
        if (values == null || values.dimension() != target.length) {
            return; // no vector of this space here, or of another model's size: nothing to compare
        }
        SortedDocValues ids = DocValues.getSorted(leaf.reader(), IndexSchema.ID);
        Bits live = leaf.reader().getLiveDocs();
        VectorScorer scorer = values.scorer(target);
        DocIdSetIterator docs = scorer.iterator();
        for (int doc = docs.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docs.nextDoc()) {
            if ((live != null && !live.get(doc)) || scorer.score() < min || !ids.advanceExact(doc)) {
                continue;
            }
            BytesRef id = ids.lookupOrd(ids.ordValue());
            if ((after == null || id.compareTo(after) > 0) && (kept.size() < n || id.compareTo(kept.peek()) < 0)) {
                kept.add(BytesRef.deepCopyOf(id));
                if (kept.size() > n) {
                    kept.poll();
                }
            }
        }
    }
}
