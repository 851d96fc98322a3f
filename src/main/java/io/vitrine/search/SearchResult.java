package io.vitrine.search;

import java.util.List;
import java.util.Map;

/** One page of hits; {@code nextCursor} is null on the last page. */
public record SearchResult(long total, List<Hit> hits, Map<String, List<FacetCount>> facets, String nextCursor) {

    public record Hit(String id, float score) {}

    public record FacetCount(String value, long count) {}
}
