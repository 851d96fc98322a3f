package io.vitrine.search.bench;

import io.vitrine.search.AssetIndex;
import io.vitrine.search.SearchQuery;
import io.vitrine.search.SearchResult;
import java.io.PrintWriter;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.SplittableRandom;
import org.apache.lucene.util.VectorUtil;

/**
 * ANN recall@10: the index's nearest neighbours against an exact scan of the same float vectors
 * (regenerated from the synthetic library, so nothing of the index is trusted for the reference).
 */
final class RecallCheck {
    static final int K_SEARCH = 100;
    private static final int QUERIES = 50;
    private static final int TOP = 10;

    private final PrintWriter out;

    RecallCheck(PrintWriter out) {
        this.out = out;
    }

    void run(AssetIndex index, SyntheticLibrary library, long assets) {
        SplittableRandom r = new SplittableRandom(7);
        float[][] queries = new float[QUERIES][];
        for (int q = 0; q < QUERIES; q++) {
            queries[q] = library.queryVector(r);
        }
        List<Set<String>> exact = exactTop(library, assets, queries);
        double at10 = 0;
        double atK = 0;
        for (int q = 0; q < QUERIES; q++) {
            at10 += overlap(ann(index, queries[q], TOP), exact.get(q));
            atK += overlap(ann(index, queries[q], K_SEARCH), exact.get(q));
        }
        out.printf("ANN recall@10 vs exact scan (%d queries): %.3f searching k=10, %.3f searching k=%d (target ≥ 0.95)%n",
                QUERIES, at10 / QUERIES, atK / QUERIES, K_SEARCH);
        out.flush();
    }

    private static Set<String> ann(AssetIndex index, float[] q, int k) {
        SearchQuery.Hybrid h = new SearchQuery.Hybrid(List.of(new SearchQuery.Vector(SyntheticLibrary.SPACE, q, k, 1f)), 1f,
                SearchQuery.Hybrid.DEFAULT_RRF_K, false);
        SearchResult res = index.search(new SearchQuery(null, Map.of(), null, null, SearchQuery.SortOrder.RELEVANCE, TOP, null, null, h));
        Set<String> ids = new HashSet<>();
        res.hits().forEach(hit -> ids.add(hit.id()));
        return ids;
    }

    private static double overlap(Set<String> found, Set<String> truth) {
        return found.stream().filter(truth::contains).count() / (double) truth.size();
    }

    private static List<Set<String>> exactTop(SyntheticLibrary library, long assets, float[][] queries) {
        List<PriorityQueue<double[]>> heaps = new java.util.ArrayList<>();
        for (int q = 0; q < queries.length; q++) {
            heaps.add(new PriorityQueue<>((a, b) -> Double.compare(a[0], b[0])));
        }
        for (long n = 0; n < assets; n++) {
            float[] v = library.vector(n);
            for (int q = 0; q < queries.length; q++) {
                PriorityQueue<double[]> heap = heaps.get(q);
                double s = VectorUtil.dotProduct(v, queries[q]);
                if (heap.size() < TOP) {
                    heap.add(new double[] {s, n});
                } else if (s > heap.peek()[0]) {
                    heap.poll();
                    heap.add(new double[] {s, n});
                }
            }
        }
        return heaps.stream().map(h -> {
            Set<String> ids = new HashSet<>();
            h.forEach(e -> ids.add(String.format("bench%021d", (long) e[1])));
            return ids;
        }).toList();
    }
}
