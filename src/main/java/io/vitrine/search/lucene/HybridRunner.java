package io.vitrine.search.lucene;

import io.vitrine.search.InvalidQueryException;
import io.vitrine.search.SearchQuery;
import io.vitrine.search.SearchResult;
import io.vitrine.search.SearchResult.Component;
import io.vitrine.search.SearchResult.Hit;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsCollectorManager;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.util.BytesRef;

/**
 * Hybrid ranking: the keyword ranking (its best {@link #TEXT_CANDIDATES}) and each nearest-neighbour
 * ranking, all restricted by the same filters inside their searches (so a filter never starves the
 * neighbours), fused by reciprocal rank fusion. Totals and facets count the union of what the lists
 * match. Pages are offsets into the fused list.
 */
final class HybridRunner {
    /** Fusion barely moves past this rank: a keyword hit at rank 300 adds 1/(60+300) to its score. */
    static final int TEXT_CANDIDATES = 300;
    static final int MAX_K = 1000;
    static final String TEXT = "text";

    private final TextQueryBuilder textQueries;
    private final FilterQueries filters;
    private final FacetCounter facets;

    HybridRunner(TextQueryBuilder textQueries, FilterQueries filters, FacetCounter facets) {
        this.textQueries = textQueries;
        this.filters = filters;
        this.facets = facets;
    }

    SearchResult run(IndexSearcher searcher, SearchQuery query, int limit) throws IOException {
        if (query.sort() != null && query.sort() != SearchQuery.SortOrder.RELEVANCE) {
            throw new InvalidQueryException("similarity and hybrid searches sort by relevance only");
        }
        SearchQuery.Hybrid h = query.hybrid();
        Query filter = filterQuery(query);
        boolean hasText = query.text() != null && !query.text().isBlank();
        Map<String, ScoreDoc[]> lists = new LinkedHashMap<>();
        Map<String, Float> weights = new HashMap<>();
        // built once: it ranks here and counts (unscored) in the union of the page's totals and facets
        Query text = hasText || h.vectors().isEmpty() ? textQueries.build(query.text(), query.language()) : null;
        if (text != null) {
            lists.put(TEXT, searcher.search(withFilter(hasText ? RankingSignals.boost(text) : text, filter), TEXT_CANDIDATES).scoreDocs);
            weights.put(TEXT, h.textWeight());
        }
        for (SearchQuery.Vector v : h.vectors()) {
            String key = "vector:" + v.space();
            int k = Math.clamp(v.k(), 1, MAX_K);
            Query knn = new SelectiveKnnQuery(VectorFields.field(v.space()), VectorFields.quantize(v.values()), k, filter);
            lists.put(key, atLeast(searcher.search(knn, k).scoreDocs, v.minSimilarity()));
            weights.put(key, v.weight());
        }
        List<Fused> fused = fuse(searcher, lists, weights, h.rrfK() > 0 ? h.rrfK() : SearchQuery.Hybrid.DEFAULT_RRF_K);
        return page(searcher, query, fused, text, limit);
    }

    /** Lucene scores cosine as (1 + cos) / 2. */
    private static ScoreDoc[] atLeast(ScoreDoc[] docs, float minCosine) {
        float minScore = (1 + minCosine) / 2;
        return java.util.Arrays.stream(docs).filter(d -> d.score >= minScore).toArray(ScoreDoc[]::new);
    }

    private Query filterQuery(SearchQuery query) {
        BooleanQuery.Builder b = new BooleanQuery.Builder().add(new MatchAllDocsQuery(), Occur.MUST);
        filters.addTo(b, query);
        return b.build();
    }

    private static Query withFilter(Query main, Query filter) {
        return new BooleanQuery.Builder().add(main, Occur.MUST).add(filter, Occur.FILTER).build();
    }

    private record Fused(int doc, String id, float score, Map<String, Component> parts) {}

    private static List<Fused> fuse(IndexSearcher searcher, Map<String, ScoreDoc[]> lists, Map<String, Float> weights, int rrfK)
            throws IOException {
        Map<Integer, float[]> scores = new HashMap<>();
        Map<Integer, Map<String, Component>> parts = new HashMap<>();
        lists.forEach((name, docs) -> {
            for (int r = 0; r < docs.length; r++) {
                int doc = docs[r].doc;
                scores.computeIfAbsent(doc, d -> new float[1])[0] += weights.get(name) / (rrfK + r + 1);
                parts.computeIfAbsent(doc, d -> new LinkedHashMap<>()).put(name, new Component(r + 1, docs[r].score));
            }
        });
        List<Fused> out = new ArrayList<>(scores.size());
        IdLookup ids = new IdLookup(searcher);
        for (var e : scores.entrySet()) {
            out.add(new Fused(e.getKey(), ids.of(e.getKey()), e.getValue()[0], parts.get(e.getKey())));
        }
        out.sort(Comparator.comparing(Fused::score).reversed().thenComparing(Fused::id));
        return out;
    }

    private SearchResult page(IndexSearcher searcher, SearchQuery query, List<Fused> fused, Query text, int limit)
            throws IOException {
        int offset = query.cursor() == null ? 0 : decodeOffset(query.cursor());
        List<Hit> hits = new ArrayList<>();
        for (int i = offset; i < Math.min(fused.size(), offset + limit); i++) {
            Fused f = fused.get(i);
            hits.add(new Hit(f.id(), f.score(), query.hybrid().explain() ? f.parts() : null));
        }
        String next = offset + limit < fused.size() ? encodeOffset(offset + limit) : null;
        FacetsCollector all = searcher.search(unionQuery(query, fused, text), new FacetsCollectorManager());
        long total = all.getMatchingDocs().stream().mapToLong(FacetsCollector.MatchingDocs::totalHits).sum();
        return new SearchResult(total, hits, facets.count(searcher.getIndexReader(), all), next);
    }

    /** Everything the text matches ({@code text}, null when there is none), plus the neighbours found, under the same filters. */
    private Query unionQuery(SearchQuery query, List<Fused> fused, Query text) {
        BooleanQuery.Builder any = new BooleanQuery.Builder().setMinimumNumberShouldMatch(1);
        if (text != null) {
            any.add(text, Occur.SHOULD);
        }
        // the fused hits already carry their ids; those a vector list found are the neighbours
        List<BytesRef> ids = fused.stream().filter(f -> f.parts().keySet().stream().anyMatch(k -> !k.equals(TEXT)))
                .map(f -> new BytesRef(f.id())).toList();
        if (!ids.isEmpty()) {
            any.add(new TermInSetQuery(IndexSchema.ID, ids), Occur.SHOULD);
        }
        BooleanQuery.Builder b = new BooleanQuery.Builder().add(any.build(), Occur.MUST);
        filters.addTo(b, query);
        return b.build();
    }

    private static String encodeOffset(int offset) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(ByteBuffer.allocate(6).put((byte) 2).put((byte) 0x7f).putInt(offset).array());
    }

    private static int decodeOffset(String cursor) {
        try {
            ByteBuffer b = ByteBuffer.wrap(Base64.getUrlDecoder().decode(cursor));
            if (b.remaining() != 6 || b.get() != 2 || b.get() != 0x7f) {
                throw new IllegalArgumentException("not a hybrid cursor");
            }
            int offset = b.getInt();
            if (offset < 0 || offset > TEXT_CANDIDATES + MAX_K * 8) {
                throw new IllegalArgumentException("offset out of range");
            }
            return offset;
        } catch (IllegalArgumentException | java.nio.BufferUnderflowException e) {
            throw new InvalidQueryException("invalid cursor");
        }
    }
}
