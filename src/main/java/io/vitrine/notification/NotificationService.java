package io.vitrine.notification;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

/** A person's notifications: her list (newest first, keyset-paged) and marking one read. */
public final class NotificationService {
    private final NotificationRepository repo;
    private final Clock clock;

    public NotificationService(NotificationRepository repo, Clock clock) {
        this.repo = repo;
        this.clock = clock;
    }

    public record Page(List<Notification> items, String nextCursor) {}

    /** {@code cursor}: the id of the last notification of the previous page. */
    public Page of(String recipientId, boolean unreadOnly, String cursor, int limit) {
        List<Notification> found = repo.of(recipientId, unreadOnly, cursor, limit + 1);
        List<Notification> items = found.subList(0, Math.min(limit, found.size()));
        return new Page(List.copyOf(items), found.size() > limit ? items.getLast().id() : null);
    }

    /**
     * How many of hers are unread among those she may see ({@code visible} asks about a notification's
     * asset), counted up to {@code cap} (a badge says "99+" beyond): the list leaves out the others too.
     */
    public int unread(String recipientId, java.util.function.Predicate<String> visible, int cap) {
        int counted = 0;
        String cursor = null;
        do {
            Page page = of(recipientId, true, cursor, Math.max(cap, 1) + 1);
            counted += (int) page.items().stream().filter(n -> n.assetId() == null || visible.test(n.assetId())).count();
            cursor = page.nextCursor();
        } while (cursor != null && counted <= cap);
        return Math.min(counted, cap + 1);
    }

    /**
     * Marks hers read up to {@code upTo} (the newest she was shown), so one that arrives while she
     * reads stays unread; returns how many changed.
     */
    public int markAllRead(String recipientId, java.time.Instant upTo) {
        return repo.markAllRead(recipientId, upTo, clock.instant());
    }

    /** Hers, now read; empty when it is not hers (or does not exist): the same answer, so ids do not leak. */
    public Optional<Notification> markRead(String recipientId, String id) {
        if (id == null || id.length() > 64 || !repo.markRead(recipientId, id, clock.instant())) {
            return Optional.empty();
        }
        return repo.find(id);
    }
}
