package io.vitrine.web;

import io.javalin.http.Context;
import io.vitrine.asset.Asset;
import io.vitrine.asset.AssetNotFoundException;
import io.vitrine.asset.AssetService;
import io.vitrine.duplicate.DuplicatePair;
import io.vitrine.duplicate.DuplicateService;
import io.vitrine.embed.EmbeddingService;
import io.vitrine.search.SearchQuery;
import io.vitrine.search.SearchService;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The asset page's related card, loaded after the page: its possible duplicates and the assets that
 * look most like it (by the image embedding, else its concepts or words), both limited to what the
 * person may see.
 */
final class RelatedRoutes {
    private static final int SIMILAR = 8;

    private final DuplicateService duplicates;
    private final Optional<EmbeddingService> embeddings;
    private final SearchService search;
    private final AssetService assets;
    private final WebAccess access;
    private final Pages pages;

    RelatedRoutes(DuplicateService duplicates, Optional<EmbeddingService> embeddings, SearchService search, AssetService assets,
            WebAccess access, Pages pages) {
        this.duplicates = duplicates;
        this.embeddings = embeddings;
        this.search = search;
        this.assets = assets;
        this.access = access;
        this.pages = pages;
    }

    void card(Context ctx, Sessions.SignedIn who) {
        Asset a = access.visible(who, ctx.pathParam("id"));
        List<RelatedCard.Item> dups = duplicates.of(a.id(), who.principal().visibleRegions()).stream()
                .flatMap(p -> item(who, a.id(), p).stream()).toList();
        Optional<SearchQuery.Vector> v = embeddings.flatMap(e -> e.similarTo(a.id()));
        List<LibraryPage.Tile> similar = v.map(vector -> similar(who, a.id(), vector)).orElse(List.of());
        String note = embeddings.isEmpty() ? "Similarity search is off on this server."
                : v.isEmpty() ? "Nothing to compare yet: it needs AI tags, a title or keywords." : "No similar assets found.";
        pages.render(ctx, "asset-related", new RelatedCard(dups, similar, note));
    }

    private List<LibraryPage.Tile> similar(Sessions.SignedIn who, String self, SearchQuery.Vector v) {
        SearchQuery q = new SearchQuery(null, Map.of(), null, null, SearchQuery.SortOrder.RELEVANCE, SIMILAR + 1, null,
                null, new SearchQuery.Hybrid(List.of(v), 0f, SearchQuery.Hybrid.DEFAULT_RRF_K, false));
        return search.search(q.seenBy(who.principal())).hits().stream().filter(h -> !h.asset().id().equals(self)).limit(SIMILAR)
                .map(h -> Tiles.of(h.asset())).toList();
    }

    private Optional<RelatedCard.Item> item(Sessions.SignedIn who, String self, DuplicatePair p) {
        try {
            Asset other = access.visible(who, p.other(self));
            return Optional.of(new RelatedCard.Item(Tiles.of(other), p.verdict().apiName(), p.status().apiName()));
        } catch (AssetNotFoundException e) {
            return Optional.empty();
        }
    }
}
