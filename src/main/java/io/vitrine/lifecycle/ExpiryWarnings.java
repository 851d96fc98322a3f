package io.vitrine.lifecycle;

import io.vitrine.db.Transactions;
import io.vitrine.events.Events;
import io.vitrine.notification.Notification;
import io.vitrine.notification.NotificationRepository;
import io.vitrine.rights.LicenceRepository;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Warns owners before a licence covering their asset ends: the {@code licence-expiring} trigger with the
 * {@code notify-owner} action. Each licence × asset × window (the licence's end date and the days ahead)
 * is warned once — a daily run does not flood anyone, a licence extended and nearing its new end warns
 * again. The owner is the uploader; assets without one (before V19, folder imports) go to the librarians.
 * The notifications and the {@code licence.expiring} event (webhooks, live stream) commit together.
 */
public final class ExpiryWarnings {
    public static final String EVENT = "licence.expiring";

    private final LicenceRepository licences;
    private final NotificationRepository notifications;
    private final Events events;
    private final Transactions tx;
    private final Supplier<String> ids;
    private final int defaultDays;

    public ExpiryWarnings(LicenceRepository licences, NotificationRepository notifications, Events events, Transactions tx,
            Supplier<String> ids, int defaultDays) {
        this.licences = licences;
        this.notifications = notifications;
        this.events = events;
        this.tx = tx;
        this.ids = ids;
        this.defaultDays = defaultDays;
    }

    int days(LifecycleRule rule) {
        return rule.withinDays() == null ? defaultDays : rule.withinDays();
    }

    /** The warnings due now and not given yet, each naming who would get it. */
    List<LifecycleService.Action> due(LifecycleRule rule, Instant now) {
        int days = days(rule);
        return licences.endingBetween(now, now.plus(Duration.ofDays(days))).stream()
                .filter(e -> !notifications.expiryWarned(e.licenceId(), e.assetId(), e.endsAt(), days))
                .map(e -> new LifecycleService.Action(e.assetId(), rule.id(), rule.action().apiName(),
                        "licence " + e.licenceId() + " ends on " + e.endsAt() + ", within " + days + " days",
                        recipients(e.assetId()), e.licenceId(), e.endsAt().toString(), null))
                .toList();
    }

    /** Gives the warning; false when another run (or node) gave it first. */
    boolean give(LifecycleRule rule, LifecycleService.Action a, Instant now) {
        int days = days(rule);
        Instant endsAt = Instant.parse(a.endsAt());
        return tx.inTransaction(() -> {
            if (!notifications.claimExpiryWarning(a.licenceId(), a.assetId(), endsAt, days, now)) {
                return false;
            }
            Map<String, String> data = new LinkedHashMap<>();
            data.put("licenceId", a.licenceId());
            data.put("endsAt", a.endsAt());
            data.put("withinDays", Integer.toString(days));
            data.put("rule", rule.id());
            for (String r : a.recipients()) {
                notifications.insert(new Notification(ids.get(), r, EVENT, a.assetId(), data, now, null));
            }
            Map<String, Object> event = new LinkedHashMap<>(data);
            event.put("recipients", a.recipients());
            events.record(EVENT, a.assetId(), event);
            return true;
        });
    }

    private List<String> recipients(String assetId) {
        return notifications.ownerOf(assetId).map(List::of).orElseGet(notifications::librarians);
    }
}
