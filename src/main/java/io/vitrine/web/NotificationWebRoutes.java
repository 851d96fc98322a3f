package io.vitrine.web;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.vitrine.asset.Asset;
import io.vitrine.asset.AssetNotFoundException;
import io.vitrine.notification.Notification;
import io.vitrine.notification.NotificationService;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The person's notifications in the browser: the inbox newest first, marking one or all read, and the
 * header's bell with the unread count. The {@link NotificationService} is the API's, and so is the rule
 * that a notification about an asset she can no longer see is left out (of the count too).
 */
final class NotificationWebRoutes {
    static final int PAGE = 50;
    /** Sent with a change so the bell asks for its count again (htmx triggers the event from the response). */
    static final String CHANGED = "vitrine:notifications";

    private final NotificationService inbox;
    private final WebAccess access;
    private final Pages pages;

    NotificationWebRoutes(NotificationService inbox, WebAccess access, Pages pages) {
        this.inbox = inbox;
        this.access = access;
        this.pages = pages;
    }

    void page(Context ctx, Sessions.SignedIn who) {
        render(ctx, who, null);
    }

    void bell(Context ctx, Sessions.SignedIn who) {
        int unread = inbox.unread(person(who), id -> access.sees(who, id), NotificationPages.Bell.CAP);
        pages.render(ctx, "bell", new NotificationPages.Bell(unread));
    }

    /** Someone else's (or an unknown) notification is "not found", as in the API. */
    void markRead(Context ctx, Sessions.SignedIn who) {
        if (inbox.markRead(person(who), ctx.pathParam("id")).isEmpty()) {
            pages.error(ctx, 404, "Notification not found", "It is not one of yours, or it no longer exists.");
            return;
        }
        changed(ctx, who, "Marked as read.");
    }

    void markAllRead(Context ctx, Sessions.SignedIn who) {
        Instant upTo;
        try {
            upTo = Instant.parse(String.valueOf(ctx.formParam("upto")));
        } catch (DateTimeParseException e) {
            pages.error(ctx, 400, "That could not be done", "Reload the notifications and try again.");
            return;
        }
        int n = inbox.markAllRead(person(who), upTo);
        changed(ctx, who, n == 1 ? "1 notification marked as read." : n + " notifications marked as read.");
    }

    /** htmx swaps the page from this answer (and updates the bell); a plain form post is sent back to the inbox. */
    private void changed(Context ctx, Sessions.SignedIn who, String notice) {
        if (ctx.header("HX-Request") == null) {
            ctx.redirect("/notifications", HttpStatus.SEE_OTHER);
            return;
        }
        ctx.header("HX-Trigger", CHANGED);
        render(ctx, who, notice);
    }

    private void render(Context ctx, Sessions.SignedIn who, String notice) {
        String cursor = ctx.queryParam("cursor");
        NotificationService.Page page = inbox.of(person(who), false, cursor == null || cursor.length() > 64 ? null : cursor, PAGE);
        List<NotificationPages.Item> items = new ArrayList<>();
        for (Notification n : page.items()) {
            item(who, n).ifPresent(items::add);
        }
        String upTo = page.items().isEmpty() ? null : page.items().getFirst().createdAt().toString();
        int unread = inbox.unread(person(who), id -> access.sees(who, id), NotificationPages.Bell.CAP);
        String older = page.nextCursor() == null ? null : "/notifications?cursor=" + LibraryRoutes.enc(page.nextCursor());
        pages.render(ctx, "notifications", new NotificationPages.Inbox(Chrome.of("Notifications", who), items, older,
                cursor == null ? upTo : null, unread, notice));
    }

    private java.util.Optional<NotificationPages.Item> item(Sessions.SignedIn who, Notification n) {
        String name = null;
        String thumb = null;
        if (n.assetId() != null) {
            try {
                Asset a = access.visible(who, n.assetId());
                LibraryPage.Tile t = Tiles.of(a);
                name = t.name();
                thumb = t.thumbUrl();
            } catch (AssetNotFoundException gone) {
                return java.util.Optional.empty(); // deleted, or no longer hers to see: left out, as in the API
            }
        }
        return java.util.Optional.of(new NotificationPages.Item(n.id(), title(n.type()), detail(n.type(), n.data()),
                n.createdAt().toString().substring(0, 16).replace('T', ' ') + " UTC", n.readAt() == null, n.assetId(), name, thumb));
    }

    static String title(String type) {
        return switch (type) {
            case "licence.expiring" -> "A licence ends soon";
            default -> type;
        };
    }

    static String detail(String type, Map<String, String> data) {
        if (type.equals("licence.expiring")) {
            String ends = data.getOrDefault("endsAt", "");
            return "Licence " + data.getOrDefault("licenceId", "?") + " covering this asset ends on "
                    + (ends.length() >= 10 ? ends.substring(0, 10) : ends) + " (warned " + data.getOrDefault("withinDays", "?")
                    + " days ahead). Renew it or plan a replacement.";
        }
        return String.join(", ", data.entrySet().stream().map(e -> e.getKey() + ": " + e.getValue()).toList());
    }

    private String person(Sessions.SignedIn who) {
        return access.person(who.principal());
    }
}
