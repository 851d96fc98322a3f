package io.vitrine.api;

import io.javalin.http.Context;
import io.vitrine.embed.EmbeddingService;
import io.vitrine.enrich.ConceptScore;
import io.vitrine.enrich.Tagger;
import io.vitrine.enrich.TaggerSource;
import io.vitrine.ingest.Upload;
import io.vitrine.search.SearchQuery;
import io.vitrine.search.SearchService;
import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * Search by example: assets like a given asset ({@code /assets/{id}/similar}) and assets like an
 * uploaded image that is looked at and then discarded ({@code /search/by-image}). Both answer in the
 * search shape and honour facet filters and the caller's regions.
 */
final class SimilarityRoutes {
    private final SearchService search;
    private final EmbeddingService embeddings;
    private final TaggerSource taggers;
    private final MultipartReader multipart;
    private final Access access;

    SimilarityRoutes(SearchService search, EmbeddingService embeddings, TaggerSource taggers, MultipartReader multipart, Access access) {
        this.search = search;
        this.embeddings = embeddings;
        this.taggers = taggers;
        this.multipart = multipart;
        this.access = access;
    }

    void similar(Context ctx) {
        String id = access.visible(ctx, ctx.pathParam("id")).id();
        requireEmbeddings();
        SearchQuery.Vector v = embeddings.similarTo(id).orElseThrow(() -> new ApiException(409, "not-embedded", "Not comparable yet",
                "asset " + id + " has no embedding yet: it needs a title, keywords or AI tags (and the embedder installed)"));
        ctx.json(SearchRoutes.response(run(ctx, v), id));
    }

    /** In the CLIP image space when a CLIP model is installed (what it looks like), else through the tagger's concepts. */
    void byImage(Context ctx) throws Exception {
        requireEmbeddings();
        Optional<Tagger> tagger = taggers.tagger();
        if (tagger.isEmpty() && !embeddings.hasImageText()) {
            throw new ApiException(503, "capability-off", "Capability off", "searching by image needs a CLIP model "
                    + "(`vitrine models install DIR`) or the image tagger: run `vitrine models pull " + taggers.modelName() + "`");
        }
        Upload upload = multipart.read(ctx);
        Optional<SearchQuery.Vector> v;
        try (var blob = upload.blob()) {
            v = byClip(blob.path());
            if (v.isEmpty() && tagger.isPresent()) {
                v = embeddings.forConcepts(tag(tagger.get(), blob.path()));
            }
        }
        if (v.isEmpty()) {
            ctx.json(new SearchRoutes.SearchResponse(0, List.of(), java.util.Map.of(), null, null));
            return;
        }
        ctx.json(SearchRoutes.response(run(ctx, v.get()), null));
    }

    private void requireEmbeddings() {
        if (embeddings == null) {
            throw new ApiException(503, "capability-off", "Capability off",
                    "similarity search needs the bundled text embedder, which did not load (see the server log)");
        }
    }

    private Optional<SearchQuery.Vector> byClip(java.nio.file.Path image) {
        try {
            return embeddings.forImage(image);
        } catch (IOException e) {
            throw ApiException.badRequest("the file could not be read as an image");
        } catch (Exception e) {
            throw new ApiException(503, "capability-off", "Capability off", "the CLIP model failed on this image: " + e.getMessage());
        }
    }

    private static List<ConceptScore> tag(Tagger tagger, java.nio.file.Path image) throws IOException {
        try {
            return tagger.tag(List.of(image)).getFirst();
        } catch (Exception e) {
            throw ApiException.badRequest("the file could not be read as an image");
        }
    }

    private SearchService.Results run(Context ctx, SearchQuery.Vector v) {
        SearchQuery filters = SearchRoutes.parse(ctx);
        if (filters.text() != null && !filters.text().isBlank()) {
            throw ApiException.badRequest("q is not used here; search by example ranks by likeness");
        }
        SearchQuery q = new SearchQuery(null, filters.filters(), filters.from(), filters.to(), SearchQuery.SortOrder.RELEVANCE,
                filters.limit(), filters.cursor(), null,
                new SearchQuery.Hybrid(List.of(v), 0f, SearchQuery.Hybrid.DEFAULT_RRF_K, SearchRoutes.explain(ctx)));
        return search.search(q.seenBy(Access.principal(ctx)));
    }
}
