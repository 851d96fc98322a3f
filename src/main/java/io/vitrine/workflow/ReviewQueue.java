package io.vitrine.workflow;

import io.vitrine.auth.Principal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

/**
 * The caller's review queue: open tasks for roles she holds (an admin sees every open task, to
 * watch the flow, though she decides none), on live assets she can see, earliest due first — so
 * overdue tasks lead. Keyset-paged on (dueAt, id); the cursor is opaque.
 */
public final class ReviewQueue {
    private final WorkflowRepository repo;

    public ReviewQueue(WorkflowRepository repo) {
        this.repo = repo;
    }

    public record Page(List<WorkflowRepository.Queued> items, String nextCursor) {}

    /** A garbled cursor raises {@link IllegalArgumentException}. */
    public Page of(Principal p, int limit, String cursor) {
        Instant afterDue = null;
        String afterId = null;
        if (cursor != null) {
            String[] parts = decode(cursor);
            afterDue = Instant.ofEpochSecond(Long.parseLong(parts[0]), Long.parseLong(parts[1]));
            afterId = parts[2];
        }
        List<WorkflowRepository.Queued> found = repo.queue(p.hasRole(Principal.ADMIN) ? null : p.roles(), p.visibleRegions(),
                afterDue, afterId, limit + 1);
        List<WorkflowRepository.Queued> items = found.subList(0, Math.min(limit, found.size()));
        return new Page(List.copyOf(items), found.size() > limit ? encode(items.getLast().task()) : null);
    }

    private static String encode(ReviewTask t) {
        String raw = t.dueAt().getEpochSecond() + "." + t.dueAt().getNano() + "." + t.id();
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    private static String[] decode(String cursor) {
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split("\\.", 3);
            long seconds = Long.parseLong(parts[0]);
            int nanos = Integer.parseInt(parts[1]);
            if (parts.length != 3 || seconds < 0 || seconds > 253_402_300_799L || nanos < 0 || nanos > 999_999_999
                    || parts[2].length() > 32) {
                throw new IllegalArgumentException("cursor out of range");
            }
            return parts;
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("invalid cursor", e);
        }
    }
}
