package io.vitrine.workflow;

import java.time.Instant;

/**
 * One line of a review's history, and what {@link WorkflowListener}s hear. {@code from}/{@code to}
 * are set for transitions (and for decisions: the task's decision in {@code to}); {@code taskId}
 * for decisions and reminders; {@code text} is a comment or a reason.
 */
public record WorkflowEvent(String assetId, Kind kind, String from, String to, String taskId, String actor, String text,
        Instant at) {

    public enum Kind {
        TRANSITION, DECISION, COMMENT, REMINDER;

        public String apiName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
