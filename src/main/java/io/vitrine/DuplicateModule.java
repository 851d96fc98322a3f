package io.vitrine;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.vitrine.asset.AssetRepository;
import io.vitrine.db.jdbi.Handles;
import io.vitrine.duplicate.DuplicateService;
import io.vitrine.duplicate.jdbc.JdbiDuplicateRepository;
import io.vitrine.embed.EmbeddingRepository;
import io.vitrine.embed.EmbeddingService;
import io.vitrine.embed.jdbc.JdbiEmbeddingRepository;
import io.vitrine.pipeline.JobQueue;
import io.vitrine.search.SearchQuery;
import io.vitrine.search.SearchService;
import io.vitrine.storage.BlobStore;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The near-duplicate part of the composition root: fingerprints and pairs in the database, image neighbours from the index. */
final class DuplicateModule {
    private DuplicateModule() {}

    static DuplicateService service(Handles handles, AssetRepository assets, BlobStore blobs, SearchService search, JobQueue jobs,
            ObjectMapper json, Clock clock) {
        EmbeddingRepository vectors = new JdbiEmbeddingRepository(handles);
        return new DuplicateService(assets, blobs, new JdbiDuplicateRepository(handles), id -> imageVector(vectors, id),
                (space, vector, k, min) -> nearest(search, space, vector, k, min), jobs, json, clock);
    }

    private static Optional<Map.Entry<String, float[]>> imageVector(EmbeddingRepository vectors, String assetId) {
        return vectors.vectors(assetId).entrySet().stream().filter(e -> e.getKey().startsWith(EmbeddingService.IMAGE))
                .sorted(Map.Entry.comparingByKey()).findFirst();
    }

    /** Every region (the pair's visibility is decided when it is listed), only live indexed assets. */
    static List<String> nearest(SearchService search, String space, float[] vector, int k, float min) {
        SearchQuery q = new SearchQuery(null, Map.of(), null, null, SearchQuery.SortOrder.RELEVANCE, k, null, null,
                new SearchQuery.Hybrid(List.of(new SearchQuery.Vector(space, vector, k, 1f, min)), 0f,
                        SearchQuery.Hybrid.DEFAULT_RRF_K, false));
        return search.search(q).hits().stream().map(h -> h.asset().id()).toList();
    }
}
