package io.vitrine.search;

import java.util.Set;

/**
 * The search index over assets. The database is the source of truth; the index can always be
 * rebuilt from it.
 *
 * <p>Contract: {@link #upsert} replaces any document with the same id. Changes become visible to
 * {@link #search} after {@link #refresh()} (adapters may also refresh on their own within a
 * second). {@link #search} never throws for user text: free text is treated literally when it is
 * not valid query syntax; an invalid cursor or an unknown facet raises
 * {@link InvalidQueryException}. Totals and facet counts are computed over the same filtered set as
 * the hits. Thread-safe.
 */
public interface AssetIndex extends AutoCloseable {

    void upsert(IndexDocument doc);

    void delete(String assetId);

    void deleteAll();

    void refresh();

    SearchResult search(SearchQuery query);

    long count();

    /** Every id in the index, for consistency checks against the database. */
    Set<String> ids();

    @Override
    void close();
}
