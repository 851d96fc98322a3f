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

    /** Embeds query text into the spaces assets were embedded into; absent when no embedder is installed. */
    @FunctionalInterface
    public interface QueryEmbedding {
        List<SearchQuery.Vector> vectorsFor(String text);
    }

    public SearchService(AssetIndex index, AssetRepository assets) {
        this.index = index;
        this.assets = assets;
    }

    /** Turns on hybrid (keyword + semantic) ranking for text queries. */
    public void useEmbedding(QueryEmbedding e) {
        this.embedding = e;
    }

    /**
     * A text query sorted by relevance becomes hybrid when an embedding is configured: keyword and
     * semantic rankings fused. {@code explain} shows each component's rank and score per hit.
     */
    public Results search(SearchQuery query, boolean explain) {
        boolean hasText = query.text() != null && !query.text().isBlank();
        boolean byRelevance = query.sort() == null || query.sort() == SearchQuery.SortOrder.RELEVANCE;
        QueryEmbedding e = embedding;
        if (hasText && byRelevance && e != null) {
            return search(query.withHybrid(new SearchQuery.Hybrid(e.vectorsFor(query.text()), 1f,
                    SearchQuery.Hybrid.DEFAULT_RRF_K, explain)));
        }
        if (explain && byRelevance) {
            return search(query.withHybrid(new SearchQuery.Hybrid(List.of(), 1f, SearchQuery.Hybrid.DEFAULT_RRF_K, true)));
        }
        return search(query);
    }

    public record AssetHit(Asset asset, float score, java.util.Map<String, SearchResult.Component> explain) {}

    public record Results(long total, List<AssetHit> hits, java.util.Map<String, List<SearchResult.FacetCount>> facets, String nextCursor) {}

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
