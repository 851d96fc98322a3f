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

    public SearchService(AssetIndex index, AssetRepository assets) {
        this.index = index;
        this.assets = assets;
    }

    public record AssetHit(Asset asset, float score) {}

    public record Results(long total, List<AssetHit> hits, java.util.Map<String, List<SearchResult.FacetCount>> facets, String nextCursor) {}

    public Results search(SearchQuery query) {
        SearchResult r = index.search(query);
        List<AssetHit> hits = new ArrayList<>();
        for (SearchResult.Hit h : r.hits()) {
            Optional<Asset> a = assets.findLive(h.id());
            a.ifPresent(asset -> hits.add(new AssetHit(asset, h.score())));
        }
        return new Results(r.total(), hits, r.facets(), r.nextCursor());
    }
}
