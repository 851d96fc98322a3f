package io.vitrine.lifecycle;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * One lifecycle rule: when {@code trigger} holds for an asset, take {@code action}. {@code withinDays}
 * is how far ahead {@link Trigger#LICENCE_ENDING} looks. Rules are rows, listed and replaced through
 * the API; the migration seeds the defaults.
 */
public record LifecycleRule(String id, Trigger trigger, Action action, Integer withinDays, boolean enabled) {

    public enum Trigger {
        /** Every licence of the asset has ended. */
        LICENCE_ENDED(Set.of(Action.QUARANTINE, Action.WARN)),
        /** Every licence of the asset ends within {@code withinDays}. */
        LICENCE_ENDING(Set.of(Action.WARN)),
        /** One licence covering the asset ends within {@code withinDays} (default: VITRINE_EXPIRY_WARNING_DAYS, 30). */
        LICENCE_EXPIRING(Set.of(Action.NOTIFY_OWNER)),
        /** The asset's campaign end date has passed. */
        CAMPAIGN_ENDED(Set.of(Action.ARCHIVE, Action.WARN)),
        /** The asset is released but was approved under another brand guideline version than the current one. */
        GUIDELINE_CHANGED(Set.of(Action.REVIEW_AGAIN, Action.WARN));

        private final Set<Action> actions;

        Trigger(Set<Action> actions) {
            this.actions = actions;
        }

        public boolean allows(Action a) {
            return actions.contains(a);
        }

        public String apiName() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        public static Optional<Trigger> byApiName(String s) {
            return Arrays.stream(values()).filter(t -> t.apiName().equals(s)).findFirst();
        }
    }

    public enum Action {
        QUARANTINE, WARN, ARCHIVE, REVIEW_AGAIN,
        /** A notification to the asset's owner (librarians when unrecorded) and a {@code licence.expiring} event, once per window. */
        NOTIFY_OWNER;

        public String apiName() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        public static Optional<Action> byApiName(String s) {
            return Arrays.stream(values()).filter(a -> a.apiName().equals(s)).findFirst();
        }
    }
}
