package io.vitrine.search;

import java.util.List;
import java.util.Map;

/** One page of hits; {@code nextCursor} is null on the last page. */
public record SearchResult(long total, List<Hit> hits, Map<String, List<FacetCount>> facets, String nextCursor) {

    /** {@code explain}: per ranking component ("text", "vector:<space>"), its rank and score; null unless asked. */
    public record Hit(String id, float score, Map<String, Component> explain) {
        public Hit(String id, float score) {
            this(id, score, null);
        }
    }

    public record Component(int rank, float score) {}

    public record FacetCount(String value, long count) {}
}
