package io.vitrine.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vitrine.db.Database;
import io.vitrine.storage.jdbc.JdbiBlobLocks;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The {@link BlobLocks} contract, run on every database. */
public abstract class BlobLocksContract {
    static final String KEY = "a".repeat(64);
    static final String OTHER = "b".repeat(64);

    protected abstract Database freshDatabase(int poolSize);

    Database db;
    BlobLocks locks;

    @BeforeEach
    void open() {
        db = freshDatabase(8);
        locks = new JdbiBlobLocks(db.handles());
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void holders_of_the_same_key_never_overlap() throws Exception {
        AtomicInteger inside = new AtomicInteger();
        AtomicInteger maxInside = new AtomicInteger();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            threads.add(Thread.ofPlatform().name("lock-test-" + i).start(() -> {
                try {
                    locks.withLock(KEY, () -> {
                        maxInside.accumulateAndGet(inside.incrementAndGet(), Math::max);
                        sleep(30);
                        inside.decrementAndGet();
                        return null;
                    });
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            }));
        }
        for (Thread t : threads) {
            t.join(TimeUnit.SECONDS.toMillis(30));
        }
        assertThat(maxInside.get()).isEqualTo(1);
    }

    @Test
    void different_keys_do_not_wait_for_each_other() throws Exception {
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Thread holder = Thread.ofPlatform().name("lock-holder").start(() -> {
            try {
                locks.withLock(KEY, () -> {
                    holding.countDown();
                    awaitQuietly(release);
                    return null;
                });
            } catch (IOException | RuntimeException e) {
                throw new IllegalStateException(e);
            }
        });
        assertThat(holding.await(10, TimeUnit.SECONDS)).isTrue();
        long started = System.nanoTime();
        assertThat(locks.withLock(OTHER, () -> "done")).isEqualTo("done");
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started)).isLessThan(2000);
        release.countDown();
        holder.join();
    }

    @Test
    void work_runs_in_a_transaction_rolled_back_when_it_throws() {
        assertThatThrownBy(() -> locks.withLock(KEY, () -> {
            db.handles().with(h -> h.createUpdate("insert into blob_locks (sha256) values (:s)").bind("s", OTHER).execute());
            throw new IOException("disk full");
        })).isInstanceOf(IOException.class).hasMessage("disk full");
        long rows = db.handles().with(h -> h.createQuery("select count(*) from blob_locks where sha256 = :s")
                .bind("s", OTHER).mapTo(Long.class).one());
        assertThat(rows).isZero();
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
