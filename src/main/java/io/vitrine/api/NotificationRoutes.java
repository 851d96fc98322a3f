package io.vitrine.api;

import io.javalin.http.Context;
import io.vitrine.notification.Notification;
import io.vitrine.notification.NotificationService;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The caller's own notifications ({@code GET /api/v1/notifications}) and marking one read. Someone
 * else's notification answers like an unknown one; one about an asset she can no longer see is left out.
 */
final class NotificationRoutes {
    private final NotificationService notifications;
    private final Access access;

    NotificationRoutes(NotificationService notifications, Access access) {
        this.notifications = notifications;
        this.access = access;
    }

    void list(Context ctx) {
        String unread = ctx.queryParam("unread");
        if (unread != null && !unread.equals("true") && !unread.equals("false")) {
            throw ApiException.badRequest("'unread' must be true or false");
        }
        String cursor = ctx.queryParam("cursor");
        if (cursor != null && cursor.length() > 64) {
            throw ApiException.badRequest("cursor is not one this list gave out");
        }
        NotificationService.Page page = notifications.of(access.person(ctx), "true".equals(unread), cursor, Paging.limit(ctx));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("items", page.items().stream().filter(n -> n.assetId() == null || access.sees(ctx, n.assetId()))
                .map(NotificationRoutes::view).toList());
        out.put("nextCursor", page.nextCursor());
        ctx.json(out);
    }

    void markRead(Context ctx) {
        Notification n = notifications.markRead(access.person(ctx), ctx.pathParam("id"))
                .orElseThrow(() -> new ApiException(404, "not-found", "Not found",
                        "no notification '" + Deliverer.abbreviate(ctx.pathParam("id")) + "' of yours"));
        ctx.json(view(n));
    }

    /**
     * Marks hers read up to {@code ?upTo=} (an ISO instant: the newest she was shown, so one arriving
     * meanwhile stays unread), or up to now.
     */
    void markAllRead(Context ctx) {
        String upTo = ctx.queryParam("upTo");
        java.time.Instant until;
        try {
            until = upTo == null ? java.time.Instant.now() : java.time.Instant.parse(upTo);
        } catch (java.time.format.DateTimeParseException e) {
            throw ApiException.badRequest("'upTo' must be an ISO-8601 instant such as 2026-11-23T09:00:00Z");
        }
        ctx.json(Map.of("marked", notifications.markAllRead(access.person(ctx), until)));
    }

    static Map<String, Object> view(Notification n) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", n.id());
        out.put("type", n.type());
        out.put("assetId", n.assetId());
        out.put("data", n.data());
        out.put("createdAt", n.createdAt().toString());
        out.put("readAt", n.readAt() == null ? null : n.readAt().toString());
        return out;
    }
}
