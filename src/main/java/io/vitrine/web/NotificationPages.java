package io.vitrine.web;

import java.util.List;

/** View models of the notification inbox and of the header's bell. */
public final class NotificationPages {
    private NotificationPages() {}

    /** One notification as the inbox shows it: what happened, about which asset, when, and whether it is still unread. */
    public record Item(String id, String title, String detail, String when, boolean unread, String assetId, String assetName,
            String thumbUrl) {}

    /** {@code upTo}: the newest notification shown, so "mark all read" leaves one that arrives meanwhile unread. */
    public record Inbox(Chrome chrome, List<Item> items, String olderUrl, String upTo, int unread, String notice) {}

    /** The header's bell: unread count (beyond {@link #CAP} it reads "99+"). */
    public record Bell(int unread) {
        public static final int CAP = 99;

        public String count() {
            return unread > CAP ? CAP + "+" : Integer.toString(unread);
        }

        public String label() {
            return unread == 0 ? "Notifications, none unread" : "Notifications, " + count() + " unread";
        }
    }
}
