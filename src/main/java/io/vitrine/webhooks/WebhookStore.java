package io.vitrine.webhooks;

import io.vitrine.events.Event;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Subscriptions and their deliveries. Writes join the caller's transaction.
 *
 * <p>Contract: {@link #coalesce} merges the event into the subscription's newest pending delivery
 * about the same subject when that one is not leased, else adds a pending delivery due now.
 * {@link #claim} leases due deliveries so that no two callers (on any node) hold the same one
 * until the lease ends, and never one while an older delivery about the same subject (same
 * subscription) is still pending: messages about one asset go out one at a time, in order.
 * Outcomes are recorded only by the lease holder.
 */
public interface WebhookStore {
    void insert(Subscription s);

    Optional<Subscription> find(String id);

    List<Subscription> list();

    boolean delete(String id);

    void coalesce(Subscription s, Event e, String dataJson, String newDeliveryId, Instant now);

    List<Delivery> claim(String node, Instant now, Duration lease, int limit);

    /** Records an attempt; false when the caller no longer held the lease (nothing was changed). */
    boolean recordAttempt(Delivery d, String node, Attempt attempt);

    /** What one attempt ended with, and what happens next. */
    record Attempt(Delivery.Status status, Integer httpStatus, String error, Instant at, Instant nextAttemptAt) {}

    /** The subscription's deliveries, newest first, created before {@code before} (null: from the newest). */
    List<Delivery> deliveries(String subscriptionId, String before, int limit);

    Optional<Delivery> delivery(String subscriptionId, String deliveryId);

    /** A fresh pending copy of {@code d}'s message (same event), due now. */
    Delivery replay(Delivery d, String newId, Instant now);

    /** Deletes finished deliveries (delivered or dead) older than {@code before}. */
    int prune(Instant before);
}
