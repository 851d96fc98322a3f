package io.vitrine.notification;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Notifications and the ledger that makes a licence-expiry warning happen once. Contract:
 * {@link #claimExpiryWarning} is true exactly once per (licence, asset, end date, window) even when nodes
 * race (the primary key decides); inserts join the caller's transaction.
 */
public interface NotificationRepository {

    void insert(Notification n);

    /** Hers, newest first, after the (createdAt, id) key of {@code afterId} when given; unread only when asked. */
    List<Notification> of(String recipientId, boolean unreadOnly, String afterId, int limit);

    Optional<Notification> find(String id);

    /** Marks hers read (first time kept); false when it is not hers or does not exist. */
    boolean markRead(String recipientId, String id, Instant at);

    /** Marks hers that are unread and created at or before {@code upTo} read; returns how many. */
    int markAllRead(String recipientId, Instant upTo, Instant at);

    boolean claimExpiryWarning(String licenceId, String assetId, Instant endsAt, int windowDays, Instant at);

    boolean expiryWarned(String licenceId, String assetId, Instant endsAt, int windowDays);

    /** The asset's owner, or empty (unrecorded). */
    Optional<String> ownerOf(String assetId);

    /** Unrevoked users who are librarians by their own roles or a group's. */
    List<String> librarians();
}
