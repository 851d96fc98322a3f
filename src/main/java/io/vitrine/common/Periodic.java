package io.vitrine.common;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A background task run every {@code every} (first run one interval after start) on its own daemon
 * thread: review reminders, lifecycle rules. The task returns how many things it did, logged when
 * non-zero; a failed run is logged and the next one retries.
 */
public final class Periodic implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Periodic.class);

    private final ScheduledExecutorService timer;

    public Periodic(String name, Duration every, IntSupplier task) {
        timer = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name(name).daemon().factory());
        long millis = Math.max(1000, every.toMillis());
        timer.scheduleWithFixedDelay(() -> tick(name, task), millis, millis, TimeUnit.MILLISECONDS);
    }

    private static void tick(String name, IntSupplier task) {
        try {
            int n = task.getAsInt();
            if (n > 0) {
                LOG.info("{}: {} done", name, n);
            }
        } catch (RuntimeException e) {
            LOG.warn("{} failed; the next run retries", name, e);
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
