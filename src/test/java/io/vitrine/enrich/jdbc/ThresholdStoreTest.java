package io.vitrine.enrich.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.vitrine.db.Database;
import io.vitrine.db.TestDatabases;
import io.vitrine.enrich.Tag;
import io.vitrine.enrich.Thresholds;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The one threshold store behind tags and risk flags, the same SQL on H2 and PostgreSQL. */
class ThresholdStoreTest {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-05-01T10:00:00Z"), ZoneOffset.UTC);

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void reviewers_deciding_at_the_same_moment_are_all_counted_even_on_a_key_nobody_decided_before(String kind) throws Exception {
        try (Database db = TestDatabases.fresh(kind)) {
            for (JdbiThresholdStore store : List.of(JdbiThresholdStore.concepts(db.handles()), JdbiThresholdStore.riskFlags(db.handles()))) {
                Thresholds thresholds = new Thresholds(store, 0.4, CLOCK);
                int reviewers = 6;
                ExecutorService pool = Executors.newFixedThreadPool(reviewers);
                try {
                    CyclicBarrier start = new CyclicBarrier(reviewers);
                    List<Future<?>> done = new ArrayList<>();
                    for (int i = 0; i < reviewers; i++) {
                        Tag.Status decision = i % 3 == 0 ? Tag.Status.ACCEPTED : Tag.Status.REJECTED;
                        done.add(pool.submit(() -> {
                            start.await();
                            return thresholds.record("alcohol", Tag.Status.DRAFT, decision);
                        }));
                    }
                    for (Future<?> f : done) {
                        f.get();
                    }
                } finally {
                    pool.shutdownNow();
                }
                Thresholds.Threshold t = thresholds.get("alcohol");
                assertThat(t.accepted()).isEqualTo(2);
                assertThat(t.rejected()).isEqualTo(4);
                // p = (2 + 1.6) / (6 + 2) = 0.45 → 0.4 + 0.5 × (0.8 − 0.45)
                assertThat(t.threshold()).isCloseTo(0.575, org.assertj.core.api.Assertions.within(1e-9));
                thresholds.record("alcohol", Tag.Status.REJECTED, Tag.Status.ACCEPTED);
                assertThat(thresholds.get("alcohol")).extracting(Thresholds.Threshold::accepted, Thresholds.Threshold::rejected)
                        .containsExactly(3, 3);
                assertThat(thresholds.get("weapon").threshold()).as("a key nobody decided").isEqualTo(0.4);
            }
        }
    }
}
