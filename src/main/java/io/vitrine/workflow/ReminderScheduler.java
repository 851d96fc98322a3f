package io.vitrine.workflow;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs {@link Reminders} every {@code every} in the server; a failed tick is logged and the next one runs. */
public final class ReminderScheduler implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ReminderScheduler.class);

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("vitrine-review-reminders").daemon().factory());

    public ReminderScheduler(Reminders reminders, Duration every) {
        long millis = Math.max(1000, every.toMillis());
        timer.scheduleWithFixedDelay(() -> tick(reminders), millis, millis, TimeUnit.MILLISECONDS);
    }

    private static void tick(Reminders reminders) {
        try {
            int n = reminders.run(false).reminders().size();
            if (n > 0) {
                LOG.info("reminded approvers of {} overdue review tasks", n);
            }
        } catch (RuntimeException e) {
            LOG.warn("review reminder run failed; the next run retries", e);
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
