package io.vitrine.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vitrine.db.Database;
import io.vitrine.pipeline.jdbc.JdbiJobQueue;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The {@link JobQueue} contract on a real database; each test gets a fresh one. */
public abstract class JobQueueContract {
    protected static final Instant T0 = Instant.parse("2025-06-01T12:00:00.000001Z");
    protected static final Duration LEASE = Duration.ofMinutes(5);
    private static final int CLAIMERS = 8;

    protected Database db;
    protected JobQueue queue;
    protected final AtomicInteger wakeUps = new AtomicInteger();

    /** A fresh, migrated database of the kind under test, with at least {@code poolSize} connections. */
    protected abstract Database freshDatabase(int poolSize);

    @BeforeEach
    void open() {
        db = freshDatabase(CLAIMERS + 2);
        queue = newQueue(db);
    }

    @AfterEach
    void close() {
        if (db != null) {
            db.close();
        }
    }

    protected JobQueue newQueue(Database database) {
        return new JdbiJobQueue(database.handles(), wakeUps::incrementAndGet);
    }

    @Test
    void an_enqueued_job_is_claimed_once_and_gone_after_complete() {
        queue.enqueue("asset-1", new Step.ExtractMetadata(), T0);
        assertThat(wakeUps).hasValue(1);

        Job job = queue.claim("w1", T0, LEASE).orElseThrow();
        assertThat(job.assetId()).isEqualTo("asset-1");
        assertThat(job.step()).isEqualTo(new Step.ExtractMetadata());
        assertThat(job.attempts()).isEqualTo(1);
        assertThat(queue.claim("w2", T0, LEASE)).as("leased to w1").isEmpty();

        queue.complete(job);
        assertThat(queue.pending()).isZero();
        assertThat(queue.claim("w2", T0.plus(LEASE).plusSeconds(1), LEASE)).isEmpty();
    }

    @Test
    void every_step_kind_survives_the_round_trip() {
        List<Step> steps = List.of(new Step.ExtractMetadata(), new Step.MakeRenditions(), new Step.Index(), new Step.Purge());
        for (int i = 0; i < steps.size(); i++) {
            queue.enqueue("a" + i, steps.get(i), T0.plusSeconds(i));
        }
        List<Step> claimed = new ArrayList<>();
        for (Optional<Job> j; (j = queue.claim("w", T0.plusSeconds(10), LEASE)).isPresent(); ) {
            claimed.add(j.get().step());
        }
        assertThat(claimed).containsExactlyInAnyOrderElementsOf(steps);
    }

    @Test
    void a_job_is_not_due_before_its_run_at() {
        queue.enqueue("later", new Step.Purge(), T0.plusSeconds(60));

        assertThat(queue.claim("w", T0.plusSeconds(59), LEASE)).isEmpty();
        assertThat(queue.claim("w", T0.plusSeconds(60), LEASE)).isPresent();
    }

    @Test
    void each_job_is_processed_by_exactly_one_of_many_concurrent_claimers() throws Exception {
        int jobs = 200;
        db.handles().run(() -> {
            for (int i = 0; i < jobs; i++) {
                queue.enqueue("asset-" + i, new Step.Index(), T0);
            }
        });
        Map<Long, AtomicInteger> runs = new ConcurrentHashMap<>();
        Map<String, AtomicInteger> assets = new ConcurrentHashMap<>();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(CLAIMERS, Thread.ofPlatform().name("claimer-", 1).factory());
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int w = 0; w < CLAIMERS; w++) {
                String worker = "w" + w;
                done.add(pool.submit(() -> {
                    start.await();
                    for (Optional<Job> j; (j = queue.claim(worker, T0.plusSeconds(1), LEASE)).isPresent(); ) {
                        runs.computeIfAbsent(j.get().id(), k -> new AtomicInteger()).incrementAndGet();
                        assets.computeIfAbsent(j.get().assetId(), k -> new AtomicInteger()).incrementAndGet();
                        queue.complete(j.get());
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : done) {
                f.get(30, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(runs).hasSize(jobs);
        assertThat(runs.values()).allSatisfy(n -> assertThat(n).hasValue(1));
        assertThat(assets).hasSize(jobs);
        assertThat(queue.pending()).isZero();
    }

    @Test
    void a_job_whose_lease_ran_out_is_claimable_again_by_another_worker() {
        queue.enqueue("crashy", new Step.MakeRenditions(), T0);
        Job first = queue.claim("dead-worker", T0, LEASE).orElseThrow();

        assertThat(queue.claim("w2", T0.plus(LEASE).minusSeconds(1), LEASE)).as("lease still held").isEmpty();
        Job again = queue.claim("w2", T0.plus(LEASE).plusSeconds(1), LEASE).orElseThrow();

        assertThat(again.id()).isEqualTo(first.id());
        assertThat(again.attempts()).isEqualTo(2);
        assertThat(queue.claim("w3", T0.plus(LEASE).plusSeconds(2), LEASE)).as("now leased to w2").isEmpty();
    }

    @Test
    void a_worker_that_lost_its_lease_cannot_complete_retry_or_fail_the_job() {
        queue.enqueue("slow", new Step.MakeRenditions(), T0);
        Job stale = queue.claim("slow-worker", T0, LEASE).orElseThrow();
        Job current = queue.claim("w2", T0.plus(LEASE).plusSeconds(1), LEASE).orElseThrow();

        assertThat(queue.complete(stale)).isFalse();
        assertThat(queue.retry(stale, T0, "late")).isFalse();
        assertThat(queue.fail(stale, "late")).isFalse();
        assertThat(queue.pending()).as("still w2's").isEqualTo(1);
        assertThat(queue.complete(current)).isTrue();
        assertThat(queue.pending()).isZero();
    }

    @Test
    void a_retried_job_is_not_due_until_its_new_run_at_and_counts_its_attempts() {
        queue.enqueue("flaky", new Step.ExtractMetadata(), T0);
        Job first = queue.claim("w", T0, LEASE).orElseThrow();

        queue.retry(first, T0.plusSeconds(30), "temporarily unavailable");

        assertThat(queue.due(T0.plusSeconds(29))).isZero();
        assertThat(queue.pending()).isEqualTo(1);
        assertThat(queue.claim("w", T0.plusSeconds(29), LEASE)).isEmpty();
        Job second = queue.claim("w", T0.plusSeconds(30), LEASE).orElseThrow();
        assertThat(second.id()).isEqualTo(first.id());
        assertThat(second.attempts()).isEqualTo(2);
    }

    @Test
    void a_failed_job_is_parked_for_good() {
        queue.enqueue("broken", new Step.MakeRenditions(), T0);
        Job job = queue.claim("w", T0, LEASE).orElseThrow();

        queue.fail(job, "x".repeat(5_000));

        assertThat(queue.pending()).isZero();
        assertThat(queue.due(T0.plus(Duration.ofDays(365)))).isZero();
        assertThat(queue.claim("w", T0.plus(Duration.ofDays(365)), LEASE)).isEmpty();
    }

    @Test
    void pending_counts_queued_and_running_jobs_and_due_only_those_due_by_now() {
        queue.enqueue("a", new Step.Index(), T0);
        queue.enqueue("b", new Step.Index(), T0);
        queue.enqueue("c", new Step.Purge(), T0.plus(Duration.ofDays(30)));
        assertThat(queue.pending()).isEqualTo(3);
        assertThat(queue.due(T0)).isEqualTo(2);

        Job running = queue.claim("w", T0, LEASE).orElseThrow();
        assertThat(queue.pending()).isEqualTo(3);
        assertThat(queue.due(T0)).as("a running job still counts as due work").isEqualTo(2);

        queue.complete(running);
        assertThat(queue.pending()).isEqualTo(2);
        assertThat(queue.due(T0)).isEqualTo(1);
        assertThat(queue.due(T0.plus(Duration.ofDays(30)))).isEqualTo(2);
    }

    @Test
    void enqueue_joins_the_callers_transaction_and_rolls_back_with_it() {
        assertThatThrownBy(() -> db.handles().run(() -> {
            queue.enqueue("x", new Step.ExtractMetadata(), T0);
            throw new IllegalStateException("rolled back");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(queue.pending()).isZero();
        assertThat(queue.claim("w", T0, LEASE)).isEmpty();
    }
}
