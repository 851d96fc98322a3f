package io.vitrine.webhooks.jdbc;

import static io.vitrine.db.jdbi.Sql.ts;

import io.vitrine.db.jdbi.Handles;
import io.vitrine.db.jdbi.Sql;
import io.vitrine.events.Event;
import io.vitrine.webhooks.Delivery;
import io.vitrine.webhooks.Subscription;
import io.vitrine.webhooks.WebhookStore;
import java.net.URI;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** {@link WebhookStore} in the {@code webhook_subscriptions} and {@code webhook_deliveries} tables. */
public final class JdbiWebhookStore implements WebhookStore {
    /** Waiting for its turn and not in a sender's hands (columns unqualified: the statement's own table). */
    private static final String FREE = "status = 'pending' and (lease_until is null or lease_until < :now)";

    private final Handles db;

    public JdbiWebhookStore(Handles db) {
        this.db = db;
    }

    @Override
    public void insert(Subscription s) {
        db.with(h -> h.createUpdate("""
                insert into webhook_subscriptions (id, url, events, collection, secret, created_at, created_by)
                values (:id, :url, :events, :collection, :secret, :at, :by)""")
                .bind("id", s.id()).bind("collection", s.collection()).bind("url", s.url().toString()).bind("events", String.join(" ", s.events()))
                .bind("secret", s.secret()).bind("at", ts(s.createdAt())).bind("by", s.createdBy()).execute());
    }

    @Override
    public Optional<Subscription> find(String id) {
        return db.with(h -> h.createQuery("select * from webhook_subscriptions where id = :id").bind("id", id)
                .map((rs, ctx) -> subscription(rs)).findOne());
    }

    @Override
    public List<Subscription> list() {
        return db.with(h -> h.createQuery("select * from webhook_subscriptions order by created_at, id")
                .map((rs, ctx) -> subscription(rs)).list());
    }

    @Override
    public boolean delete(String id) {
        return db.with(h -> {
            h.createUpdate("delete from webhook_deliveries where subscription_id = :id").bind("id", id).execute();
            return h.createUpdate("delete from webhook_subscriptions where id = :id").bind("id", id).execute() == 1;
        });
    }

    @Override
    public void coalesce(Subscription s, Event e, String dataJson, String newDeliveryId, Instant now) {
        db.with(h -> {
            // only into the newest waiting message about the subject, so each later message is at least as fresh
            int merged = h.createUpdate("update webhook_deliveries set event_id = :event, event_type = :type, event_at = :at, "
                            + "data = :data, coalesced = coalesced + 1 where " + FREE + " and seq = (select max(seq) from "
                            + "webhook_deliveries where subscription_id = :sub and subject = :subject and status = 'pending')")
                    .bind("event", e.id()).bind("type", e.type()).bind("at", ts(e.time())).bind("data", dataJson)
                    .bind("sub", s.id()).bind("subject", e.subject()).bind("now", ts(now)).execute();
            if (merged == 0) {
                h.createUpdate("""
                        insert into webhook_deliveries (id, subscription_id, subject, event_id, event_type, event_at, data,
                            coalesced, status, attempts, next_attempt_at, created_at)
                        values (:id, :sub, :subject, :event, :type, :at, :data, 1, 'pending', 0, :now, :now)""")
                        .bind("id", newDeliveryId).bind("sub", s.id()).bind("subject", e.subject()).bind("event", e.id())
                        .bind("type", e.type()).bind("at", ts(e.time())).bind("data", dataJson).bind("now", ts(now)).execute();
            }
            return null;
        });
    }

    @Override
    public List<Delivery> claim(String node, Instant now, Duration lease, int limit) {
        // one message per subscription and subject at a time, oldest first: a receiver never sees an older state after a newer
        List<String> due = db.with(h -> h.createQuery("select id from webhook_deliveries d where " + FREE
                        + " and next_attempt_at <= :now and not exists (select 1 from webhook_deliveries o where "
                        + "o.subscription_id = d.subscription_id and o.subject = d.subject and o.status = 'pending' and o.seq < d.seq) "
                        + "order by next_attempt_at, seq limit :limit")
                .bind("now", ts(now)).bind("limit", limit).mapTo(String.class).list());
        return due.stream().filter(id -> db.with(h -> h.createUpdate(
                        "update webhook_deliveries set lease_until = :until, leased_by = :node where id = :id and " + FREE)
                .bind("until", ts(now.plus(lease))).bind("node", node).bind("id", id).bind("now", ts(now)).execute()) == 1)
                .map(id -> db.with(h -> h.createQuery("select * from webhook_deliveries where id = :id").bind("id", id)
                        .map((rs, ctx) -> delivery(rs)).one()))
                .toList();
    }

    @Override
    public boolean recordAttempt(Delivery d, String node, Attempt a) {
        return db.with(h -> h.createUpdate("""
                update webhook_deliveries set status = :status, attempts = attempts + 1, last_status = :code,
                    last_error = :error, last_attempt_at = :at, next_attempt_at = :next, delivered_at = :delivered,
                    lease_until = null, leased_by = null
                where id = :id and leased_by = :node and status = 'pending'""")
                .bind("status", a.status().apiName()).bind("code", a.httpStatus()).bind("error", truncate(a.error()))
                .bind("at", ts(a.at())).bind("next", ts(a.nextAttemptAt() == null ? a.at() : a.nextAttemptAt()))
                .bind("delivered", ts(a.status() == Delivery.Status.DELIVERED ? a.at() : null))
                .bind("id", d.id()).bind("node", node).execute() == 1);
    }

    @Override
    public List<Delivery> deliveries(String subscriptionId, String before, int limit) {
        return db.with(h -> h.createQuery("select * from webhook_deliveries where subscription_id = :sub"
                        + (before == null ? "" : " and seq < (select seq from webhook_deliveries where id = :before)")
                        + " order by seq desc limit :limit")
                .bind("sub", subscriptionId).bind("before", before).bind("limit", limit)
                .map((rs, ctx) -> delivery(rs)).list());
    }

    @Override
    public Optional<Delivery> delivery(String subscriptionId, String deliveryId) {
        return db.with(h -> h.createQuery("select * from webhook_deliveries where id = :id and subscription_id = :sub")
                .bind("id", deliveryId).bind("sub", subscriptionId).map((rs, ctx) -> delivery(rs)).findOne());
    }

    @Override
    public Delivery replay(Delivery d, String newId, Instant now) {
        db.with(h -> h.createUpdate("""
                insert into webhook_deliveries (id, subscription_id, subject, event_id, event_type, event_at, data,
                    coalesced, status, attempts, next_attempt_at, replay_of, created_at)
                values (:id, :sub, :subject, :event, :type, :at, :data, :coalesced, 'pending', 0, :now, :of, :now)""")
                .bind("id", newId).bind("sub", d.subscriptionId()).bind("subject", d.subject()).bind("event", d.eventId())
                .bind("type", d.eventType()).bind("at", ts(d.eventAt())).bind("data", d.data()).bind("coalesced", d.coalesced())
                .bind("now", ts(now)).bind("of", d.id()).execute());
        return delivery(d.subscriptionId(), newId).orElseThrow();
    }

    @Override
    public int prune(Instant before) {
        return db.with(h -> h.createUpdate("delete from webhook_deliveries where status <> 'pending' and created_at < :before")
                .bind("before", ts(before)).execute());
    }

    private static Subscription subscription(ResultSet rs) throws SQLException {
        return new Subscription(rs.getString("id"), URI.create(rs.getString("url")),
                Arrays.asList(rs.getString("events").split(" ")), rs.getString("collection"), rs.getString("secret"), Sql.instant(rs, "created_at"),
                rs.getString("created_by"));
    }

    private static Delivery delivery(ResultSet rs) throws SQLException {
        return new Delivery(rs.getString("id"), rs.getString("subscription_id"), rs.getString("subject"), rs.getString("event_id"),
                rs.getString("event_type"), Sql.instant(rs, "event_at"), rs.getString("data"), rs.getInt("coalesced"),
                Delivery.Status.valueOf(rs.getString("status").toUpperCase(Locale.ROOT)), rs.getInt("attempts"),
                Sql.instant(rs, "next_attempt_at"), Sql.integer(rs, "last_status"), rs.getString("last_error"),
                Sql.instant(rs, "last_attempt_at"), Sql.instant(rs, "delivered_at"), rs.getString("replay_of"),
                Sql.instant(rs, "created_at"));
    }

    private static String truncate(String s) {
        return s == null || s.length() <= 1000 ? s : s.substring(0, 1000);
    }
}
