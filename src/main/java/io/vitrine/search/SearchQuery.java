package io.vitrine.search;

import io.vitrine.auth.Principal;
import io.vitrine.workflow.WorkflowState;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A keyword query. {@code text} may be blank (match all). {@code filters} maps a facet name
 * ({@link Facet}) to accepted values (OR within a facet, AND across facets). {@code from}/{@code to}
 * bound the asset's date (capturedAt, else createdAt), either may be null. {@code cursor} is the
 * opaque {@link SearchResult#nextCursor()} of the previous page, or null. {@code visibleRegions}
 * restricts everything (hits, total, facet counts) to documents without regions or with one of
 * these; null means unrestricted, an empty set means only documents without regions.
 * {@code language} (ISO 639-1, null = unknown) adds a match of the text analysed for that language
 * (stop words dropped, stemmed; Chinese segmented into words), so "praias" finds "praia".
 * {@code visibleCollections} (null = unrestricted) restricts everything, like the regions, to documents in
 * at least one of these collections (a caller limited to collections).
 */
public record SearchQuery(
        String text,
        Map<Facet, List<String>> filters,
        Instant from,
        Instant to,
        SortOrder sort,
        int limit,
        String cursor,
        Set<String> visibleRegions,
        Hybrid hybrid,
        String language,
        Set<String> visibleCollections) {

    public SearchQuery(String text, Map<Facet, List<String>> filters, Instant from, Instant to, SortOrder sort, int limit,
            String cursor, Set<String> visibleRegions, Hybrid hybrid, String language) {
        this(text, filters, from, to, sort, limit, cursor, visibleRegions, hybrid, language, null);
    }

    public SearchQuery(String text, Map<Facet, List<String>> filters, Instant from, Instant to, SortOrder sort, int limit,
            String cursor, Set<String> visibleRegions, Hybrid hybrid) {
        this(text, filters, from, to, sort, limit, cursor, visibleRegions, hybrid, null);
    }

    public SearchQuery(String text, Map<Facet, List<String>> filters, Instant from, Instant to, SortOrder sort, int limit,
            String cursor, Set<String> visibleRegions) {
        this(text, filters, from, to, sort, limit, cursor, visibleRegions, null);
    }

    /** An unrestricted query. */
    public SearchQuery(String text, Map<Facet, List<String>> filters, Instant from, Instant to, SortOrder sort, int limit,
            String cursor) {
        this(text, filters, from, to, sort, limit, cursor, null);
    }

    public SearchQuery visibleIn(Set<String> regions) {
        return new SearchQuery(text, filters, from, to, sort, limit, cursor, regions == null ? null : Set.copyOf(regions), hybrid, language,
                visibleCollections);
    }

    public SearchQuery withinCollections(Set<String> collections) {
        return new SearchQuery(text, filters, from, to, sort, limit, cursor, visibleRegions, hybrid, language,
                collections == null ? null : Set.copyOf(collections));
    }

    /**
     * This query as {@code viewer} may run it: within her regions and, for a partner outside the
     * company, over released (approved or published) assets only. Both are filters inside the search,
     * so totals and facet counts are honest. Every search made for a person goes through here.
     */
    public SearchQuery seenBy(Principal viewer) {
        Map<Facet, List<String>> f = new EnumMap<>(Facet.class);
        if (filters != null) {
            f.putAll(filters);
        }
        if (viewer.outsider()) {
            f.put(Facet.WORKFLOW, WorkflowState.onlyReleased(f.get(Facet.WORKFLOW)));
        }
        return new SearchQuery(text, f, from, to, sort, limit, cursor, visibleRegions, hybrid, language, visibleCollections)
                .visibleIn(viewer.visibleRegions()).withinCollections(viewer.visibleCollections());
    }

    public SearchQuery withHybrid(Hybrid h) {
        return new SearchQuery(text, filters, from, to, sort, limit, cursor, visibleRegions, h, language, visibleCollections);
    }

    public SearchQuery withLanguage(String lang) {
        return new SearchQuery(text, filters, from, to, sort, limit, cursor, visibleRegions, hybrid, lang, visibleCollections);
    }

    /**
     * Ranking that fuses the keyword ranking with nearest-neighbour rankings by reciprocal rank
     * fusion: each list adds {@code weight / (rrfK + rank)} to an asset's score. The same filters
     * (facets, dates, visibility) restrict every list, inside each search. {@code explain} adds each
     * component's rank and score to every hit.
     */
    public record Hybrid(List<Vector> vectors, float textWeight, int rrfK, boolean explain) {
        public static final int DEFAULT_RRF_K = 60;

        public Hybrid {
            vectors = vectors == null ? List.of() : List.copyOf(vectors);
        }
    }

    /**
     * Nearest neighbours of {@code values} in the embedding space {@code space}, the best {@code k}
     * whose cosine similarity is at least {@code minSimilarity} (-1 keeps all): a text query should
     * not drag in every asset of a small library just because something is always nearest.
     */
    public record Vector(String space, float[] values, int k, float weight, float minSimilarity) {
        public Vector(String space, float[] values, int k, float weight) {
            this(space, values, k, weight, -1f);
        }
    }

    public enum SortOrder { RELEVANCE, DATE_DESC, DATE_ASC }
}
