package io.vitrine.search.lucene;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.search.IndexSearcher;

/**
 * Lets one search work on several segments at once. The costly part of a filtered hybrid search is
 * scoring every vector the filter keeps, segment by segment (docs/benchmarks.md: about 80 % of its
 * time at 1M assets); spread over the cores, a person waiting alone for her results waits for the
 * largest segment instead of all of them. It does not make the machine do less: under many
 * concurrent searches the cores are busy anyway, and Lucene's calling thread runs the segments no
 * pool thread has started, so a search never waits behind others' segments. The results are the
 * same as on one thread.
 */
final class SegmentThreads implements AutoCloseable {
    private final ExecutorService pool;

    private SegmentThreads(ExecutorService pool) {
        this.pool = pool;
    }

    /** {@code threads} ≤ 1: every search stays on its caller's thread. */
    static SegmentThreads of(int threads) {
        if (threads <= 1) {
            return new SegmentThreads(null);
        }
        AtomicInteger n = new AtomicInteger();
        return new SegmentThreads(Executors.newFixedThreadPool(threads, task -> {
            Thread t = new Thread(task, "vitrine-search-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        }));
    }

    /** A searcher of one query's own (its time budget is its own), spreading segments over the pool. */
    IndexSearcher searcher(IndexReader reader) {
        return pool == null ? new IndexSearcher(reader) : new IndexSearcher(reader, pool);
    }

    @Override
    public void close() {
        if (pool != null) {
            pool.shutdownNow();
        }
    }
}
