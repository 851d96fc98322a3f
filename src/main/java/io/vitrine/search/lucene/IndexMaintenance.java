package io.vitrine.search.lucene;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.search.SearcherManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The background side of near-real-time search, on one named daemon thread: reopens the searcher
 * soon after changes, and commits periodically so that a crash loses at most one commit interval
 * of index changes (the database stays the source of truth; the application re-queues them).
 */
final class IndexMaintenance implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(IndexMaintenance.class);
    static final String THREAD_NAME = "vitrine-index-refresh";

    private final IndexWriter writer;
    private final SearcherManager searchers;
    private final AtomicBoolean changed = new AtomicBoolean();
    private final ScheduledExecutorService scheduler;

    IndexMaintenance(IndexWriter writer, SearcherManager searchers, Duration refreshEvery,
            Duration commitEvery) {
        this.writer = writer;
        this.searchers = searchers;
        this.scheduler = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, THREAD_NAME);
            thread.setDaemon(true);
            return thread;
        });
        long refreshMs = refreshEvery.toMillis();
        long commitMs = commitEvery.toMillis();
        scheduler.scheduleWithFixedDelay(this::refreshIfChanged, refreshMs, refreshMs, TimeUnit.MILLISECONDS);
        scheduler.scheduleWithFixedDelay(this::commitIfChanged, commitMs, commitMs, TimeUnit.MILLISECONDS);
    }

    /** Called after every write; the next refresh tick makes it visible. */
    void markChanged() {
        changed.set(true);
    }

    /** Reopens the searcher now; used by {@code refresh()} and by the background ticks. */
    void refreshNow() throws IOException {
        changed.set(false);
        searchers.maybeRefreshBlocking();
    }

    private void refreshIfChanged() {
        if (changed.get()) {
            runLogged("refresh", this::refreshNow);
        }
    }

    private void commitIfChanged() {
        if (writer.isOpen() && writer.hasUncommittedChanges()) {
            runLogged("commit", writer::commit);
        }
    }

    private static void runLogged(String what, IoAction action) {
        try {
            action.run();
        } catch (IOException | RuntimeException e) {
            // a failed tick must not kill the thread: the next tick retries
            LOG.error("Background index {} failed", what, e);
        }
    }

    @Override
    public void close() {
        scheduler.shutdown();
        try {
            if (!scheduler.awaitTermination(10, TimeUnit.SECONDS)) {
                LOG.warn("Index maintenance thread did not stop within 10 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @FunctionalInterface
    private interface IoAction {
        void run() throws IOException;
    }
}
