package io.vitrine.metadata;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs parser code on its own named daemon thread with a deadline, and turns whatever escapes a
 * third-party parser on hostile input (runtime exceptions, stack overflow, huge allocations) into
 * {@link MetadataException}. A platform thread, not a virtual one: a parser spinning in a loop
 * would otherwise pin one of the few carrier threads. Java cannot stop such a thread; on timeout
 * it is interrupted and abandoned (daemon), and the caller moves on.
 */
public final class TimeLimit {

    private static final Logger LOG = LoggerFactory.getLogger(TimeLimit.class);

    /** Parser work that may throw anything. */
    @FunctionalInterface
    public interface Work<T> {
        T call() throws Exception;
    }

    private TimeLimit() {}

    public static <T> T run(String threadName, Duration limit, Work<T> work) throws MetadataException {
        FutureTask<T> task = new FutureTask<>(() -> guarded(work));
        Thread thread = Thread.ofPlatform().name(threadName).daemon().start(task);
        try {
            return task.get(limit.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            thread.interrupt();
            LOG.warn("{} still running after {}; abandoned", threadName, limit);
            throw new MetadataException("metadata extraction took longer than " + limit.toSeconds() + " s");
        } catch (InterruptedException e) {
            thread.interrupt();
            Thread.currentThread().interrupt();
            throw new MetadataException("metadata extraction interrupted", e);
        } catch (ExecutionException | CancellationException e) {
            throw unwrap(e.getCause() == null ? e : e.getCause());
        }
    }

    /**
     * Converts the Errors worth surviving into exceptions before they reach FutureTask. Parsers
     * use {@code assert} on their input (metadata-extractor does), which fires under {@code -ea}.
     */
    private static <T> T guarded(Work<T> work) throws Exception {
        try {
            return work.call();
        } catch (AssertionError e) {
            throw new MetadataException("unreadable metadata: parser assertion failed", e);
        } catch (StackOverflowError | OutOfMemoryError e) {
            throw new MetadataException("metadata too deeply nested or too large: " + e.getClass().getSimpleName(), e);
        }
    }

    private static MetadataException unwrap(Throwable cause) {
        return switch (cause) {
            case MetadataException m -> m;
            case IOException io -> new MetadataException("cannot read file: " + io.getMessage(), io);
            case Error error -> throw error;
            default -> new MetadataException("unreadable metadata: " + describe(cause), cause);
        };
    }

    private static String describe(Throwable t) {
        return t.getMessage() == null ? t.getClass().getSimpleName()
                : t.getClass().getSimpleName() + ": " + RawTreeBuilder.clip(t.getMessage(), 300);
    }
}
