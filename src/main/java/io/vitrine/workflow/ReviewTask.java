package io.vitrine.workflow;

import java.time.Instant;

/**
 * One approval a review round needs: someone holding {@code role} approves or rejects by {@code
 * dueAt}. {@code reminders} counts the overdue reminders sent, the last at {@code remindedAt}.
 */
public record ReviewTask(String id, String assetId, int round, String role, TaskState state, Instant dueAt,
        Instant createdAt, String decidedBy, Instant decidedAt, String comment, int reminders, Instant remindedAt) {

    public boolean overdue(Instant now) {
        return state == TaskState.OPEN && dueAt.isBefore(now);
    }

    public static ReviewTask open(String id, String assetId, int round, String role, Instant dueAt, Instant now) {
        return new ReviewTask(id, assetId, round, role, TaskState.OPEN, dueAt, now, null, null, null, 0, null);
    }
}
