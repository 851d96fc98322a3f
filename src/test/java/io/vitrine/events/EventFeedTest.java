package io.vitrine.events;

import static org.assertj.core.api.Assertions.assertThat;

import io.vitrine.db.Database;
import io.vitrine.db.Json;
import io.vitrine.db.TestDatabases;
import io.vitrine.events.jdbc.JdbiOutbox;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class EventFeedTest {
    Database db;
    JdbiOutbox outbox;
    Events events;
    EventFeed feed;
    final List<String> seen = new CopyOnWriteArrayList<>();

    @BeforeEach
    void open() {
        db = TestDatabases.fresh("h2");
        outbox = new JdbiOutbox(db.handles(), Json.mapper());
        events = new Events(outbox, Clock.systemUTC());
        feed = new EventFeed(outbox, Clock.systemUTC(), Duration.ofHours(1), Duration.ofDays(7));
    }

    @AfterEach
    void close() {
        feed.close();
        db.close();
    }

    @Test
    void an_event_committed_after_a_later_one_still_reaches_listeners_once() throws Exception {
        events.record("asset.created", "before-start", Map.of());
        feed.start();
        feed.listen(e -> seen.add(e.event().subject()));
        CountDownLatch appended = new CountDownLatch(1);
        CountDownLatch commit = new CountDownLatch(1);
        Thread slow = Thread.ofPlatform().start(() -> db.handles().run(() -> {
            events.record("asset.updated", "slow", Map.of());
            appended.countDown();
            await(commit);
        }));
        assertThat(appended.await(10, TimeUnit.SECONDS)).isTrue();
        events.record("asset.updated", "fast", Map.of());
        feed.pollOnce();
        assertThat(seen).containsExactly("fast");
        assertThat(feed.gaps()).hasSize(1);
        commit.countDown();
        slow.join();
        feed.pollOnce();
        feed.pollOnce();
        assertThat(seen).containsExactly("fast", "slow");
        assertThat(feed.gaps()).isEmpty();
    }

    @Test
    void an_event_with_a_huge_reason_or_a_missing_value_is_still_recorded() {
        events.record("asset.failed", "a1", java.util.Collections.singletonMap("reason", "x".repeat(20_000)));
        java.util.HashMap<String, Object> withNull = new java.util.HashMap<>();
        withNull.put("reason", null);
        events.record("asset.failed", "a2", withNull);
        var logged = outbox.after(0, 10);
        assertThat(logged).hasSize(2);
        assertThat(logged.getFirst().event().data().get("reason").toString()).hasSize(Events.MAX_TEXT + 1).endsWith("…");
        assertThat(logged.get(1).event().data()).isEmpty();
    }

    private static void await(CountDownLatch l) {
        try {
            l.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
