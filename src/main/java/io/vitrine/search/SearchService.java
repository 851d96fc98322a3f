package io.vitrine.search;

import io.vitrine.asset.Asset;
import io.vitrine.asset.AssetRepository;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Runs a query on the index and loads the hits' assets from the database, the source of truth: a
 * hit whose asset is gone or deleted (the index lags by at most a refresh) is left out.
 */
public final class SearchService {
    private final AssetIndex index;
    private final AssetRepository assets;
    private volatile QueryEmbedding embedding;
    private volatile QueryInterpretation interpretation = QueryInterpretation.Interpretation::plain;

    /** Embeds query text into the spaces assets were embedded into; absent when no embedder is installed. */
    @FunctionalInterface
    public interface QueryEmbedding {
        /**
         * The vectors of a query read as {@code read} ({@code typed} is the query as typed): in the
         * space of its language when one serves it; a query translated into concept labels only among
         * assets' own words (the concepts space would only add loose neighbours: its assets carry the
         * very tags the keyword search already matches by label in the query's language).
         */
        List<SearchQuery.Vector> vectorsFor(QueryInterpretation.Interpretation read, String typed);
    }

    public SearchService(AssetIndex index, AssetRepository assets) {
        this.index = index;
        this.assets = assets;
    }

    /** Detects query languages and concepts from now on (the vocabulary provides it). */
    public void useInterpretation(QueryInterpretation i) {
        this.interpretation = i;
    }

    /** Turns on hybrid (keyword + semantic) ranking for text queries. */
    public void useEmbedding(QueryEmbedding e) {
        this.embedding = e;
    }

    /**
     * A text query is read first (language, concepts, see {@link QueryInterpretation}); sorted by
     * relevance it becomes hybrid when an embedding is configured and the query has something to
     * embed in a language the embedder understands: keyword and semantic rankings fused.
     * {@code explain} shows each component's rank and score per hit, and how the query was read.
     */
    public Results search(SearchQuery query, boolean explain) {
        boolean hasText = query.text() != null && !query.text().isBlank();
        QueryInterpretation.Interpretation read = hasText ? interpretation.interpret(query.text()) : null;
        SearchQuery q = read == null ? query : query.withLanguage(read.language());
        boolean byRelevance = query.sort() == null || query.sort() == SearchQuery.SortOrder.RELEVANCE;
        QueryEmbedding e = embedding;
        Results r;
        if (hasText && byRelevance && e != null && read.semanticText() != null) {
            var vectors = e.vectorsFor(read, query.text());
            r = search(q.withHybrid(new SearchQuery.Hybrid(vectors, 1f,
                    SearchQuery.Hybrid.DEFAULT_RRF_K, explain)));
        } else if (explain && byRelevance) {
            r = search(q.withHybrid(new SearchQuery.Hybrid(List.of(), 1f, SearchQuery.Hybrid.DEFAULT_RRF_K, true)));
        } else {
            r = search(q);
        }
        return explain ? r.withInterpretation(read) : r;
    }

    public record AssetHit(Asset asset, float score, java.util.Map<String, SearchResult.Component> explain) {}

    /** {@code interpretation}: how the query was read, when asked to explain (else null). */
    public record Results(long total, List<AssetHit> hits, java.util.Map<String, List<SearchResult.FacetCount>> facets, String nextCursor,
            QueryInterpretation.Interpretation interpretation) {
        public Results(long total, List<AssetHit> hits, java.util.Map<String, List<SearchResult.FacetCount>> facets, String nextCursor) {
            this(total, hits, facets, nextCursor, null);
        }

        Results withInterpretation(QueryInterpretation.Interpretation i) {
            return new Results(total, hits, facets, nextCursor, i);
        }
    }

    /** One page of every live asset within {@code minSimilarity} of {@code vector}, any region ({@link AssetIndex#within}). */
    public List<String> within(String space, float[] vector, float minSimilarity, String afterId, int limit) {
        return index.within(space, vector, minSimilarity, afterId, limit);
    }

    public Results search(SearchQuery query) {
        SearchResult r = index.search(query);
        List<AssetHit> hits = new ArrayList<>();
        for (SearchResult.Hit h : r.hits()) {
            Optional<Asset> a = assets.findLive(h.id());
            a.ifPresent(asset -> hits.add(new AssetHit(asset, h.score(), h.explain())));
        }
        return new Results(r.total(), hits, r.facets(), r.nextCursor());
    }
}
