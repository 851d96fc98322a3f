package io.vitrine.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.vitrine.asset.Ids;
import io.vitrine.db.Database;
import io.vitrine.db.Json;
import io.vitrine.events.Event;
import io.vitrine.events.EventLog;
import io.vitrine.events.Events;
import io.vitrine.events.jdbc.JdbiOutbox;
import io.vitrine.webhooks.jdbc.JdbiWebhookStore;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The outbox and {@link WebhookStore} contract (fan-out, coalescing, leases, replay), run on every database. */
public abstract class WebhookStoreContract {
    static final Instant T = Instant.parse("2026-11-01T10:00:00Z");

    protected abstract Database freshDatabase();

    Database db;
    JdbiOutbox outbox;
    WebhookStore store;
    Events events;
    final Ids ids = new Ids();
    final ObjectMapper json = Json.mapper();

    @BeforeEach
    void open() {
        db = freshDatabase();
        outbox = new JdbiOutbox(db.handles(), json);
        store = new JdbiWebhookStore(db.handles());
        // stands in for collection membership: an asset named "in-X…" is in collection X
        events = new Events(new WebhookFanOut(outbox, store, json, () -> ids.next(T),
                asset -> asset.startsWith("in-") ? java.util.Set.of(asset.substring(3, 4)) : java.util.Set.of()),
                Clock.fixed(T, ZoneOffset.UTC));
    }

    @AfterEach
    void close() {
        db.close();
    }

    Subscription subscribe(String... patterns) {
        return subscribeIn(null, patterns);
    }

    Subscription subscribeIn(String collection, String... patterns) {
        Subscription s = new Subscription(ids.next(T), URI.create("https://hooks.example.com/in"), List.of(patterns), collection,
                "0123456789abcdef", T, "tester");
        store.insert(s);
        return s;
    }

    @Test
    void an_event_reaches_only_the_subscriptions_whose_filter_matches() {
        Subscription all = subscribe("asset.*");
        Subscription ready = subscribe("asset.ready");
        Subscription licences = subscribe("licence.attached");
        events.record(Events.ASSET_TAGS_REVIEWED, "a1", Map.of("concept", "dog"));
        assertThat(store.deliveries(all.id(), null, 10)).extracting(Delivery::eventType).containsExactly("asset.tags.reviewed");
        assertThat(store.deliveries(ready.id(), null, 10)).isEmpty();
        assertThat(store.deliveries(licences.id(), null, 10)).isEmpty();
        assertThat(outbox.after(0, 10)).extracting(l -> l.event().type()).containsExactly("asset.tags.reviewed");
    }

    @Test
    void a_collection_filter_passes_only_events_about_assets_in_that_collection() {
        Subscription onlyA = subscribeIn("A", "asset.*");
        Subscription any = subscribe("asset.*");
        events.record(Events.ASSET_UPDATED, "in-A1", Map.of());
        events.record(Events.ASSET_UPDATED, "in-B1", Map.of());
        events.record(Events.ASSET_UPDATED, "free", Map.of());
        assertThat(store.deliveries(onlyA.id(), null, 10)).extracting(Delivery::subject).containsExactly("in-A1");
        assertThat(store.deliveries(any.id(), null, 10)).hasSize(3);
        assertThat(store.find(onlyA.id()).orElseThrow().collection()).isEqualTo("A");
    }

    @Test
    void newer_events_about_a_waiting_asset_merge_into_its_one_pending_delivery() {
        Subscription s = subscribe("*");
        for (int i = 0; i < 500; i++) {
            events.record(Events.ASSET_UPDATED, "a1", Map.of("n", i));
        }
        events.record(Events.ASSET_UPDATED, "a2", Map.of("n", 0));
        List<Delivery> log = store.deliveries(s.id(), null, 10);
        assertThat(log).hasSize(2);
        Delivery a1 = log.stream().filter(d -> d.subject().equals("a1")).findFirst().orElseThrow();
        assertThat(a1.coalesced()).isEqualTo(500);
        assertThat(a1.data()).isEqualTo("{\"n\":499}");
        assertThat(outbox.after(0, 1000)).hasSize(501);
    }

    @Test
    void a_delivery_being_sent_is_never_changed_a_newer_event_gets_its_own() {
        Subscription s = subscribe("*");
        events.record(Events.ASSET_CREATED, "a1", Map.of());
        List<Delivery> claimed = store.claim("node-a", T, Duration.ofMinutes(1), 10);
        assertThat(claimed).hasSize(1);
        events.record(Events.ASSET_READY, "a1", Map.of());
        List<Delivery> log = store.deliveries(s.id(), null, 10);
        assertThat(log).hasSize(2);
        assertThat(store.delivery(s.id(), claimed.getFirst().id()).orElseThrow().eventType()).isEqualTo("asset.created");
    }

    @Test
    void messages_about_one_asset_go_out_one_at_a_time_oldest_first() {
        Subscription s = subscribe("*");
        events.record(Events.ASSET_CREATED, "a1", Map.of());
        Delivery first = store.claim("n", T, Duration.ofMinutes(1), 10).getFirst();
        events.record(Events.ASSET_READY, "a1", Map.of());
        events.record(Events.ASSET_CREATED, "a2", Map.of());
        assertThat(store.claim("n", T, Duration.ofMinutes(1), 10)).extracting(Delivery::subject).containsExactly("a2");
        store.recordAttempt(first, "n", new WebhookStore.Attempt(Delivery.Status.PENDING, 503, "busy", T, T));
        events.record(Events.ASSET_UPDATED, "a1", Map.of());
        List<Delivery> next = store.claim("n", T, Duration.ofMinutes(1), 10);
        assertThat(next).extracting(Delivery::id).as("the retry goes before the newer message").containsExactly(first.id());
        assertThat(next.getFirst().eventType()).as("newer events went into the newer message").isEqualTo("asset.created");
        assertThat(store.deliveries(s.id(), null, 10)).filteredOn(d -> d.subject().equals("a1")).extracting(Delivery::eventType)
                .containsExactlyInAnyOrder("asset.created", "asset.updated");
    }

    @Test
    void a_leased_delivery_is_claimed_by_nobody_else_until_the_lease_ends() {
        subscribe("*");
        events.record(Events.ASSET_CREATED, "a1", Map.of());
        assertThat(store.claim("node-a", T, Duration.ofMinutes(1), 10)).hasSize(1);
        assertThat(store.claim("node-b", T.plusSeconds(30), Duration.ofMinutes(1), 10)).isEmpty();
        List<Delivery> taken = store.claim("node-b", T.plusSeconds(61), Duration.ofMinutes(1), 10);
        assertThat(taken).hasSize(1);
        var done = new WebhookStore.Attempt(Delivery.Status.DELIVERED, 200, null, T.plusSeconds(62), null);
        assertThat(store.recordAttempt(taken.getFirst(), "node-a", done)).as("the old holder lost the lease").isFalse();
        assertThat(store.recordAttempt(taken.getFirst(), "node-b", done)).isTrue();
        Delivery d = store.delivery(taken.getFirst().subscriptionId(), taken.getFirst().id()).orElseThrow();
        assertThat(d.status()).isEqualTo(Delivery.Status.DELIVERED);
        assertThat(d.attempts()).isEqualTo(1);
        assertThat(d.lastStatus()).isEqualTo(200);
    }

    @Test
    void a_retry_waits_for_its_time_and_a_replay_is_a_fresh_copy() {
        Subscription s = subscribe("*");
        events.record(Events.ASSET_CREATED, "a1", Map.of("x", 1));
        Delivery d = store.claim("n", T, Duration.ofMinutes(1), 10).getFirst();
        store.recordAttempt(d, "n", new WebhookStore.Attempt(Delivery.Status.PENDING, 500, "HTTP 500", T, T.plusSeconds(60)));
        assertThat(store.claim("n", T.plusSeconds(59), Duration.ofMinutes(1), 10)).isEmpty();
        Delivery again = store.claim("n", T.plusSeconds(60), Duration.ofMinutes(1), 10).getFirst();
        store.recordAttempt(again, "n", new WebhookStore.Attempt(Delivery.Status.DEAD, 500, "HTTP 500", T.plusSeconds(60), null));
        Delivery copy = store.replay(store.delivery(s.id(), d.id()).orElseThrow(), ids.next(T), T.plusSeconds(70));
        assertThat(copy.status()).isEqualTo(Delivery.Status.PENDING);
        assertThat(copy.attempts()).isZero();
        assertThat(copy.replayOf()).isEqualTo(d.id());
        assertThat(copy.eventId()).isEqualTo(d.eventId());
        assertThat(copy.data()).isEqualTo("{\"x\":1}");
        assertThat(store.delivery(s.id(), d.id()).orElseThrow().status()).isEqualTo(Delivery.Status.DEAD);
    }

    @Test
    void the_delivery_log_pages_newest_first() {
        Subscription s = subscribe("*");
        for (int i = 0; i < 5; i++) {
            events.record(Events.ASSET_CREATED, "p" + i, Map.of());
        }
        List<Delivery> first = store.deliveries(s.id(), null, 2);
        assertThat(first).extracting(Delivery::subject).containsExactly("p4", "p3");
        assertThat(store.deliveries(s.id(), first.getLast().id(), 2)).extracting(Delivery::subject).containsExactly("p2", "p1");
        assertThat(store.deliveries(s.id(), "unknown", 2)).isEmpty();
    }

    @Test
    void a_rolled_back_change_leaves_neither_event_nor_delivery() {
        Subscription s = subscribe("*");
        assertThatThrownBy(() -> db.handles().run(() -> {
            events.record(Events.ASSET_DELETED, "a1", Map.of());
            throw new IllegalStateException("the change failed");
        })).hasMessage("the change failed");
        assertThat(outbox.after(0, 10)).isEmpty();
        assertThat(store.deliveries(s.id(), null, 10)).isEmpty();
    }

    @Test
    void deleting_a_subscription_drops_its_deliveries_and_events_can_be_pruned() {
        Subscription s = subscribe("*");
        outbox.append(new Event(UUID.randomUUID().toString(), "asset.created", "old", T.minus(Duration.ofDays(8)), Map.of()));
        events.record(Events.ASSET_CREATED, "a1", Map.of());
        assertThat(store.delete(s.id())).isTrue();
        assertThat(store.deliveries(s.id(), null, 10)).isEmpty();
        assertThat(store.find(s.id())).isEmpty();
        assertThat(outbox.prune(T.minus(Duration.ofDays(7)))).isEqualTo(1);
        assertThat(outbox.after(0, 10)).extracting(EventLog.Logged::event).extracting(Event::subject).containsExactly("a1");
    }
}
