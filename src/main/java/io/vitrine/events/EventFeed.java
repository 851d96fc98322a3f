package io.vitrine.events;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows the event log and hands each committed event to the connected listeners (the live
 * stream). It reads the database, so events appended on any node reach listeners on every node.
 * Transactions commit out of seq order: a seq skipped over is remembered as a gap and looked for
 * again until it appears or {@link #GAP_PATIENCE} passes (a rolled-back transaction leaves a gap forever).
 */
public final class EventFeed implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EventFeed.class);
    static final Duration GAP_PATIENCE = Duration.ofSeconds(10);
    private static final int BATCH = 500;

    /** Receives events; answers false when it wants no more (its client went away or is too slow). */
    @FunctionalInterface
    public interface Listener {
        boolean offer(EventLog.Logged event);
    }

    private final EventLog log;
    private final Clock clock;
    private final Duration poll;
    private final Duration retention;
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();
    private final TreeMap<Long, Instant> gaps = new TreeMap<>();
    private long cursor;
    private Instant lastPrune = Instant.EPOCH;
    private volatile boolean running;
    private Thread thread;

    public EventFeed(EventLog log, Clock clock, Duration poll, Duration retention) {
        this.log = log;
        this.clock = clock;
        this.poll = poll;
        this.retention = retention;
    }

    public synchronized EventFeed start() {
        cursor = log.lastSeq();
        running = true;
        thread = Thread.ofPlatform().name("vitrine-event-feed").daemon(true).start(this::loop);
        return this;
    }

    /** Adds a listener; it receives events committed from now on. Returns what removes it. */
    public AutoCloseable listen(Listener l) {
        listeners.add(l);
        return () -> listeners.remove(l);
    }

    /** Events after {@code seq} still in the log (for a client resuming with Last-Event-ID). */
    public List<EventLog.Logged> since(long seq, int limit) {
        return log.after(seq, limit);
    }

    private void loop() {
        while (running) {
            try {
                pollOnce();
                pruneNowAndThen();
            } catch (RuntimeException e) {
                LOG.warn("event feed could not read the event log; retrying: {}", e.toString());
            }
            try {
                Thread.sleep(poll);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    void pollOnce() {
        synchronized (gaps) { // the loop and tests may both poll; close() holds the object's own lock
            pollLocked();
        }
    }

    private void pollLocked() {
        Instant now = clock.instant();
        gaps.values().removeIf(since -> since.plus(GAP_PATIENCE).isBefore(now));
        long from = gaps.isEmpty() ? cursor : Math.min(cursor, gaps.firstKey() - 1);
        for (EventLog.Logged e : log.after(from, BATCH)) {
            long seq = e.seq();
            if (seq <= cursor && gaps.remove(seq) == null) {
                continue; // already delivered
            }
            // a jump of thousands is a sequence restart, not transactions in flight
            for (long missing = cursor + 1; missing < seq && seq - cursor <= 1000; missing++) {
                gaps.put(missing, now);
            }
            cursor = Math.max(cursor, seq);
            listeners.removeIf(l -> !l.offer(e));
        }
    }

    private void pruneNowAndThen() {
        Instant now = clock.instant();
        if (lastPrune.plus(Duration.ofHours(1)).isBefore(now)) {
            lastPrune = now;
            int n = log.prune(now.minus(retention));
            if (n > 0) {
                LOG.info("pruned {} events older than {}", n, retention);
            }
        }
    }

    /** For tests and metrics: how many seqs are awaited as possibly late commits. */
    Map<Long, Instant> gaps() {
        synchronized (gaps) {
            return Map.copyOf(gaps);
        }
    }

    @Override
    public synchronized void close() {
        running = false;
        if (thread != null) {
            thread.interrupt();
            try {
                thread.join(Duration.ofSeconds(5));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
