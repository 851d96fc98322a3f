package io.vitrine.search.lucene;

import io.vitrine.search.Facet;
import io.vitrine.search.SearchQuery;
import io.vitrine.search.SearchResult.FacetCount;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Totals and facet counts of text-less queries (browsing the library, clicking facets), per
 * searcher generation. Counting facets over a whole library costs tens of milliseconds at a million
 * assets and these queries repeat constantly, while their counts change only when the index does: a
 * new reader is a new key, so nothing stale is ever served.
 */
final class BrowseCountsCache {
    private static final int ENTRIES = 256;

    record Counts(long total, Map<String, List<FacetCount>> facets) {}

    private record Key(Object reader, Map<Facet, List<String>> filters, Instant from, Instant to, Set<String> regions, Set<String> collections) {}

    private final Map<Key, Counts> entries = new LinkedHashMap<>(ENTRIES, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, Counts> eldest) {
            return size() > ENTRIES;
        }
    };

    static boolean applies(SearchQuery q) {
        return q.text() == null || q.text().isBlank();
    }

    synchronized Counts get(Object reader, SearchQuery q) {
        return entries.get(key(reader, q));
    }

    synchronized void put(Object reader, SearchQuery q, Counts counts) {
        entries.put(key(reader, q), counts);
    }

    private static Key key(Object reader, SearchQuery q) {
        return new Key(reader, q.filters() == null ? Map.of() : Map.copyOf(q.filters()), q.from(), q.to(), q.visibleRegions(), q.visibleCollections());
    }
}
