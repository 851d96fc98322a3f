package io.vitrine.search;

import java.time.Instant;
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
 */
public record SearchQuery(
        String text,
        Map<Facet, List<String>> filters,
        Instant from,
        Instant to,
        SortOrder sort,
        int limit,
        String cursor,
        Set<String> visibleRegions) {

    /** An unrestricted query. */
    public SearchQuery(String text, Map<Facet, List<String>> filters, Instant from, Instant to, SortOrder sort, int limit,
            String cursor) {
        this(text, filters, from, to, sort, limit, cursor, null);
    }

    public SearchQuery visibleIn(Set<String> regions) {
        return new SearchQuery(text, filters, from, to, sort, limit, cursor, regions == null ? null : Set.copyOf(regions));
    }

    public enum SortOrder { RELEVANCE, DATE_DESC, DATE_ASC }
}
