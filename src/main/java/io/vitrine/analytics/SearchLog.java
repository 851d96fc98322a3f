package io.vitrine.analytics;

import java.time.Instant;
import java.util.List;

/**
 * What people searched for and what they opened. Contract: recording never fails a search (adapters
 * swallow and log storage errors); queries are compared case-insensitively and trimmed; reports
 * cover events at or after {@code since}, most frequent first.
 */
public interface SearchLog {

    void searched(String actor, String query, long total, long tookMillis, Instant at);

    void clicked(String actor, String query, String assetId, int position, Instant at);

    /** Queries that found nothing. */
    List<QueryStat> zeroResults(Instant since, int limit);

    /** Queries that found something, searched at least {@code minSearches} times, and were rarely opened. */
    List<QueryStat> lowClicks(Instant since, int minSearches, int limit);

    /** {@code clickRate}: clicks per search. */
    record QueryStat(String query, long searches, long clicks, double clickRate) {}
}
