package io.vitrine.pipeline;

import static io.vitrine.asset.TestAssets.processing;
import static io.vitrine.asset.TestAssets.sha;
import static org.assertj.core.api.Assertions.assertThat;

import io.vitrine.asset.Asset;
import io.vitrine.asset.AssetRepository;
import io.vitrine.asset.AssetStatus;
import io.vitrine.asset.TestAssets;
import io.vitrine.asset.jdbc.JdbiAssetRepository;
import io.vitrine.db.Database;
import io.vitrine.db.Json;
import io.vitrine.db.TestDatabases;
import io.vitrine.pipeline.jdbc.JdbiJobQueue;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Workers over a real H2 database and queue; only the step handlers are recording doubles. A clock
 * the test moves makes retry backoff instant without sleeping for it.
 */
class WorkersTest {
    private static final Instant T0 = Instant.parse("2025-06-01T12:00:00Z");
    private static final Duration TIMEOUT = Duration.ofSeconds(15);

    private final MovableClock clock = new MovableClock(T0);
    private final List<String> calls = new CopyOnWriteArrayList<>();
    private final Map<String, StepHandler> overrides = new ConcurrentHashMap<>();
    private Database db;
    private AssetRepository assets;
    private JobQueue queue;
    private Workers workers;
    private final WorkSignal signal = new WorkSignal();

    @BeforeEach
    void open() {
        db = TestDatabases.fresh("h2");
        assets = new JdbiAssetRepository(db.handles(), Json.mapper());
        queue = new JdbiJobQueue(db.handles(), signal::wake);
    }

    @AfterEach
    void close() {
        if (workers != null) {
            workers.close();
        }
        db.close();
    }

    @Test
    void steps_run_in_pipeline_order_for_each_asset() {
        Asset a = ingest("a");
        Asset b = ingest("b");
        start(2, 5);

        await(() -> calls.size() == 6 && queue.pending() == 0);

        assertThat(callsFor(a)).containsExactly("ExtractMetadata", "MakeRenditions", "Index");
        assertThat(callsFor(b)).containsExactly("ExtractMetadata", "MakeRenditions", "Index");
    }

    @Test
    void a_transient_exception_is_retried_and_then_succeeds() {
        AtomicInteger attempts = new AtomicInteger();
        overrides.put("ExtractMetadata", id -> {
            if (attempts.incrementAndGet() == 1) {
                throw new java.io.IOException("exiftool timed out");
            }
        });
        Asset a = ingest("a");
        start(1, 5);

        awaitWhileMovingTime(() -> callsFor(a).contains("Index") && queue.pending() == 0);

        assertThat(callsFor(a)).containsExactly("ExtractMetadata", "ExtractMetadata", "MakeRenditions", "Index");
        assertThat(assets.find(a.id()).orElseThrow().status()).isNotEqualTo(AssetStatus.FAILED);
    }

    @Test
    void a_step_failed_exception_fails_the_asset_with_the_reason_without_retry_and_still_indexes_it() {
        overrides.put("MakeRenditions", id -> {
            throw new StepFailedException("cannot decode HEIC", null);
        });
        Asset a = ingest("a");
        start(1, 5);

        awaitWhileMovingTime(() -> callsFor(a).contains("Index") && queue.pending() == 0);

        assertThat(callsFor(a)).containsExactly("ExtractMetadata", "MakeRenditions", "Index");
        Asset failed = assets.find(a.id()).orElseThrow();
        assertThat(failed.status()).isEqualTo(AssetStatus.FAILED);
        assertThat(failed.statusReason()).isEqualTo("cannot decode HEIC");
    }

    @Test
    void a_step_that_keeps_failing_fails_the_asset_after_max_attempts() {
        overrides.put("ExtractMetadata", id -> {
            throw new IllegalStateException("disk on fire");
        });
        Asset a = ingest("a");
        start(1, 3);

        awaitWhileMovingTime(() -> callsFor(a).contains("Index") && queue.pending() == 0);

        assertThat(callsFor(a)).containsExactly("ExtractMetadata", "ExtractMetadata", "ExtractMetadata", "Index");
        Asset failed = assets.find(a.id()).orElseThrow();
        assertThat(failed.status()).isEqualTo(AssetStatus.FAILED);
        assertThat(failed.statusReason()).isEqualTo("processing failed after 3 attempts: disk on fire");
    }

    @Test
    void an_index_step_that_fails_for_good_fails_the_asset_without_queueing_itself_again() {
        overrides.put("Index", id -> {
            throw new StepFailedException("document too large for the index", null);
        });
        Asset a = ingest("a");
        start(1, 5);

        awaitWhileMovingTime(() -> assets.find(a.id()).orElseThrow().status() == AssetStatus.FAILED);
        pause(Duration.ofMillis(600)); // more than a worker's idle poll: a requeued Index would run by now

        assertThat(callsFor(a)).containsExactly("ExtractMetadata", "MakeRenditions", "Index");
        assertThat(queue.pending()).isZero();
        assertThat(assets.find(a.id()).orElseThrow().statusReason()).isEqualTo("document too large for the index");
    }

    // --- helpers -----------------------------------------------------------------------------

    private Asset ingest(String seed) {
        Asset a = processing(TestAssets.newId(T0), sha(seed), T0);
        db.handles().run(() -> {
            assets.insert(a);
            queue.enqueue(a.id(), Pipeline.first(), T0);
        });
        return a;
    }

    private void start(int threads, int maxAttempts) {
        StepRunner runner = new StepRunner(recording("ExtractMetadata"), recording("MakeRenditions"),
                recording("Index"), recording("Purge"));
        workers = new Workers(queue, runner, (id, reason, at) -> assets.updateStatus(id, AssetStatus.FAILED, reason, at),
                db.handles(), clock, signal, new Workers.Settings(threads, maxAttempts, Duration.ofMinutes(5), "test-node"));
        workers.start();
    }

    private StepHandler recording(String step) {
        return assetId -> {
            calls.add(assetId + ":" + step);
            StepHandler override = overrides.get(step);
            if (override != null) {
                override.run(assetId);
            }
        };
    }

    private List<String> callsFor(Asset a) {
        return calls.stream().filter(c -> c.startsWith(a.id() + ":")).map(c -> c.substring(a.id().length() + 1)).toList();
    }

    private void await(BooleanSupplier done) {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (!done.getAsBoolean()) {
            assertThat(System.nanoTime()).as("timed out; calls so far: %s", calls).isLessThan(deadline);
            sleep();
        }
    }

    /** Jumps the clock past any retry backoff whenever the queue holds work that is not yet due. */
    private void awaitWhileMovingTime(BooleanSupplier done) {
        await(() -> {
            if (done.getAsBoolean()) {
                return true;
            }
            if (queue.pending() > 0 && queue.due(clock.instant()) == 0) {
                clock.advance(Duration.ofMinutes(10));
                signal.wake();
            }
            return false;
        });
    }

    private static void sleep() {
        pause(Duration.ofMillis(20));
    }

    private static void pause(Duration d) {
        try {
            Thread.sleep(d);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A clock that stands still until the test moves it. */
    private static final class MovableClock extends Clock {
        private volatile Instant now;

        MovableClock(Instant start) {
            now = start;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
