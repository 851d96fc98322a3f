package io.vitrine.pipeline;

import io.vitrine.db.Transactions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Background threads that claim jobs and run them. A step that succeeds is acknowledged together
 * with the enqueue of the next one; a transient error is retried with exponential backoff; a
 * permanent one, or the last attempt, fails the asset with the reason.
 */
public final class Workers implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Workers.class);
    private static final Duration IDLE_POLL = Duration.ofMillis(250);

    private final JobQueue queue;
    private final StepRunner runner;
    private final AssetFailures failures;
    private final Transactions tx;
    private final Clock clock;
    private final Settings settings;
    private final List<Thread> threads = new ArrayList<>();
    private final WorkSignal signal;
    private volatile boolean running;

    /** Records that an asset's processing failed for good, with the reason shown to users. */
    @FunctionalInterface
    public interface AssetFailures {
        void failed(String assetId, String reason, Instant at);
    }

    public record Settings(int threads, int maxAttempts, Duration lease, String nodeName) {}

    public Workers(JobQueue queue, StepRunner runner, AssetFailures failures, Transactions tx, Clock clock,
            WorkSignal signal, Settings settings) {
        this.queue = queue;
        this.signal = signal;
        this.runner = runner;
        this.failures = failures;
        this.tx = tx;
        this.clock = clock;
        this.settings = settings;
    }

    public synchronized void start() {
        running = true;
        for (int i = 1; i <= settings.threads(); i++) {
            String name = "vitrine-worker-" + i;
            Thread t = Thread.ofPlatform().name(name).daemon(true).start(() -> loop(settings.nodeName() + "/" + name));
            threads.add(t);
        }
    }

    private void loop(String worker) {
        while (running) {
            try {
                Optional<Job> job = queue.claim(worker, clock.instant(), settings.lease());
                if (job.isPresent()) {
                    process(job.get());
                } else {
                    idle();
                }
            } catch (RuntimeException e) {
                LOG.error("worker {} could not reach the job queue; retrying", worker, e);
                idle();
            }
        }
    }

    private void idle() {
        if (!signal.await(IDLE_POLL)) {
            running = false;
        }
    }

    void process(Job job) {
        try {
            runner.run(job);
            tx.run(() -> {
                // a worker that lost its lease leaves the follow-up to the worker that took over
                if (queue.complete(job)) {
                    Pipeline.next(job.step()).ifPresent(next -> queue.enqueue(job.assetId(), next, clock.instant()));
                } else {
                    LOG.warn("{} for asset {} finished after its lease ran out; the worker that took it over goes on",
                            job.step().key(), job.assetId());
                }
            });
        } catch (StepFailedException e) {
            giveUp(job, e.getMessage());
        } catch (Exception e) {
            if (job.attempts() >= settings.maxAttempts()) {
                giveUp(job, "processing failed after " + job.attempts() + " attempts: " + describe(e));
            } else {
                LOG.warn("{} for asset {} failed (attempt {}), will retry: {}", job.step().key(), job.assetId(), job.attempts(), describe(e));
                queue.retry(job, clock.instant().plus(backoff(job.attempts())), describe(e));
            }
        }
    }

    private void giveUp(Job job, String reason) {
        LOG.warn("{} for asset {} failed for good: {}", job.step().key(), job.assetId(), reason);
        tx.run(() -> {
            if (!queue.fail(job, reason)) {
                return;
            }
            if (job.step().optional()) {
                // the asset stays as it is; the rest of its enrichment still runs
                Pipeline.next(job.step()).ifPresent(next -> queue.enqueue(job.assetId(), next, clock.instant()));
            } else if (!(job.step() instanceof Step.Purge)) {
                Instant now = clock.instant();
                failures.failed(job.assetId(), reason, now);
                // Index shows the failure in search; when Index itself failed, queueing it again would loop forever.
                if (!(job.step() instanceof Step.Index)) {
                    queue.enqueue(job.assetId(), new Step.Index(), now);
                }
            }
        });
    }

    static Duration backoff(int attempts) {
        long seconds = Math.min(300, 1L << Math.min(attempts, 8));
        return Duration.ofMillis(seconds * 1000 + ThreadLocalRandom.current().nextLong(250));
    }

    private static String describe(Exception e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    @Override
    public synchronized void close() {
        running = false;
        signal.wake();
        for (Thread t : threads) {
            try {
                t.join(Duration.ofSeconds(30));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        threads.clear();
    }
}
