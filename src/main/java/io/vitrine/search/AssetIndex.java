package io.vitrine.search;

import java.util.Set;

/**
 * The search index over assets. The database is the source of truth; the index can always be
 * rebuilt from it.
 *
 * <p>Contract (proven by {@code AssetIndexContract}, which every adapter's test extends):
 * <ul>
 *   <li>{@link #upsert} replaces any document with the same id; {@link #delete} of an unknown id is
 *       a no-op; a blank id raises {@link IllegalArgumentException}. Changes become visible to
 *       {@link #search}, {@link #count} and {@link #ids} after {@link #refresh()} (adapters may also
 *       refresh on their own within a second).
 *   <li>Free text searches title, keywords, filename, description, creator, camera, copyright,
 *       custom values and document text, title matches ranking highest. Every word must match;
 *       {@code "a phrase"}, {@code -word}, {@code pre*} and {@code a | b} are understood, every
 *       other character is literal (no field syntax). Blank text or {@code *} matches everything.
 *       Only the first 1,000 characters of the text are used. {@link #search} never throws for
 *       the text.
 *   <li>Filters: values of one facet are OR-ed, facets AND-ed; a {@code mediaType} value without a
 *       slash ({@code image}) accepts every subtype; more than 100 values for one facet raise
 *       {@link InvalidQueryException}. The date range (asset date = capturedAt,
 *       else createdAt) is inclusive; {@code from} after {@code to} raises
 *       {@link InvalidQueryException}.
 *   <li>Totals and facet counts are computed over the same filtered set as the hits, on every
 *       page. Each {@link Facet} is present in the result with its top values (count desc, then
 *       value); {@code year} is the UTC year of the asset date.
 *   <li>Orders are total (ties broken by id). {@code limit} is clamped to 1..200. Following
 *       {@code nextCursor} walks every hit once; it is null on the last page. A garbled cursor or
 *       one from another sort order raises {@link InvalidQueryException} "invalid cursor".
 * </ul>
 * Thread-safe.
 */
public interface AssetIndex extends AutoCloseable {

    void upsert(IndexDocument doc);

    void delete(String assetId);

    void deleteAll();

    void refresh();

    SearchResult search(SearchQuery query);

    /**
     * Ids of the documents whose vector in {@code space} has a cosine similarity of at least
     * {@code minSimilarity} to {@code vector} — all of them, not the nearest k — in id order, after
     * {@code afterId} (null: from the first), at most {@code limit} (clamped to 1..10,000). Passing each
     * page's last id as the next {@code afterId} walks every such document once with memory for one
     * page. Any region (callers decide visibility). Exact on the index's int8 copies of the vectors (no
     * graph shortcut that could miss a match), whose cosine may differ from the stored floats' by a
     * little: callers ask slightly below their bar and re-check. A space no document has finds nothing.
     */
    java.util.List<String> within(String space, float[] vector, float minSimilarity, String afterId, int limit);

    long count();

    /** Every id in the index, for consistency checks against the database. */
    Set<String> ids();

    /** Id → {@link IndexDocument#fingerprint()} of every document, as of the last refresh. */
    java.util.Map<String, String> fingerprints();

    /**
     * False when the index was not closed cleanly last time (a crash, kill -9): its last seconds
     * of changes may be lost, so it must be checked against the database document by document.
     */
    boolean closedCleanly();

    /**
     * Starts building a fresh index aside while this one keeps serving searches and taking
     * writes; writes made meanwhile go to both. {@link Rebuild#swap()} replaces this index's
     * content with the new one at once; closing a rebuild that was not swapped discards it.
     *
     * @throws IllegalStateException when a rebuild is already running
     */
    Rebuild rebuildAside();

    /** A rebuild in progress; see {@link #rebuildAside()}. */
    interface Rebuild extends AutoCloseable {
        /** Adds a document read from the database, unless a live write of the same id came after the build started. */
        void add(IndexDocument doc);

        void swap();

        @Override
        void close();
    }

    @Override
    void close();
}
