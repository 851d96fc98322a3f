package io.vitrine.search;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A keyword query. {@code text} may be blank (match all). {@code filters} maps a facet name
 * ({@link Facet}) to accepted values (OR within a facet, AND across facets). {@code from}/{@code to}
 * bound the asset's date (capturedAt, else createdAt), either may be null. {@code cursor} is the
 * opaque {@link SearchResult#nextCursor()} of the previous page, or null.
 */
public record SearchQuery(
        String text,
        Map<Facet, List<String>> filters,
        Instant from,
        Instant to,
        SortOrder sort,
        int limit,
        String cursor) {

    public enum SortOrder { RELEVANCE, DATE_DESC, DATE_ASC }
}
