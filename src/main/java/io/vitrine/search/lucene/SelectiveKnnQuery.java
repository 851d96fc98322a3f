package io.vitrine.search.lucene;

import java.io.IOException;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.QueryTimeout;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.AcceptDocs;
import org.apache.lucene.search.KnnByteVectorQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TotalHits;
import org.apache.lucene.search.knn.KnnCollectorManager;

/**
 * Nearest neighbours under a filter. When the filter leaves few documents in a segment, walking the
 * graph costs more than scoring those documents one by one: the graph search must step over every
 * neighbour the filter excludes. Measured (docs/benchmarks.md): with 8.5k of 100k documents left,
 * the graph search took about 2.5× as long as the exact one, with the same top 10. So when the
 * filter keeps at most {@link #EXACT_SHARE} of a segment's documents this declines the graph
 * search, and Lucene falls back to its exact search over the filter's documents: the result is the
 * true top k. A filter that keeps more (the region filter alone, or none) walks the graph as before.
 * The exact search itself is {@link DotProductExactSearch} where the segment stores vector norms.
 */
final class SelectiveKnnQuery extends KnnByteVectorQuery {
    /** The share of a segment's documents up to which scoring the filtered ones beats the graph. */
    static final double EXACT_SHARE = 0.10;

    SelectiveKnnQuery(String field, byte[] target, int k, Query filter) {
        super(field, target, k, filter);
    }

    static boolean exact(boolean filtered, int filteredDocs, int segmentDocs) {
        return filtered && filteredDocs <= EXACT_SHARE * segmentDocs;
    }

    @Override
    protected TopDocs approximateSearch(LeafReaderContext context, AcceptDocs acceptDocs, int visitedLimit,
            KnnCollectorManager collectors) throws IOException {
        // Lucene passes the filter's size + 1 as the visit limit; an incomplete answer makes it search exactly
        if (exact(filter != null, visitedLimit - 1, context.reader().maxDoc())) {
            return new TopDocs(new TotalHits(visitedLimit, TotalHits.Relation.GREATER_THAN_OR_EQUAL_TO), new ScoreDoc[0]);
        }
        return super.approximateSearch(context, acceptDocs, visitedLimit, collectors);
    }

    @Override
    protected TopDocs exactSearch(LeafReaderContext context, DocIdSetIterator accepted, QueryTimeout timeout) throws IOException {
        TopDocs found = DotProductExactSearch.search(context.reader(), field, target, k, accepted, timeout);
        return found != null ? found : super.exactSearch(context, accepted, timeout);
    }
}
