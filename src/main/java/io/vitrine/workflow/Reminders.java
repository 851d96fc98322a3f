package io.vitrine.workflow;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reminds approvers of overdue review tasks: an overdue open task is reminded once, then again each
 * {@code repeat} while it stays open. Each reminder is counted on the task, written to the review's
 * history and the audit chain, and told to the {@link WorkflowListener} (e-mail or webhooks later).
 * Counting is conditional on the previous reminder, so nodes ticking at once remind once.
 */
public final class Reminders {
    private final WorkflowService service;
    private final Clock clock;
    private final Duration repeat;

    public Reminders(WorkflowService service, Clock clock, Duration repeat) {
        if (repeat.isNegative() || repeat.isZero()) {
            throw new IllegalArgumentException("the reminder repeat interval must be positive");
        }
        this.service = service;
        this.clock = clock;
        this.repeat = repeat;
    }

    public record Reminder(String taskId, String assetId, String role, Instant dueAt, long overdueMinutes, int reminder) {}

    public record Report(boolean dryRun, List<Reminder> reminders) {}

    public Report run(boolean dryRun) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        WorkflowRepository repo = service.repo();
        List<Reminder> sent = new ArrayList<>();
        for (ReviewTask t : repo.dueForReminder(now, now.minus(repeat))) {
            Reminder r = new Reminder(t.id(), t.assetId(), t.role(), t.dueAt(), Duration.between(t.dueAt(), now).toMinutes(),
                    t.reminders() + 1);
            if (dryRun) {
                sent.add(r);
            } else if (remind(repo, t, r, now)) {
                sent.add(r);
            }
        }
        return new Report(dryRun, sent);
    }

    private boolean remind(WorkflowRepository repo, ReviewTask t, Reminder r, Instant now) {
        String text = "review task for " + t.role() + " was due " + t.dueAt() + " (" + r.overdueMinutes() + " min overdue)";
        WorkflowEvent e = new WorkflowEvent(t.assetId(), WorkflowEvent.Kind.REMINDER, null, null, t.id(), "system", text, now);
        boolean counted = service.transactions().inTransaction(() -> {
            if (!repo.markReminded(t.id(), t.remindedAt(), now)) {
                return false;
            }
            repo.append(e);
            service.audit().record("system", "workflow.task.remind", t.assetId(), Map.of("taskId", t.id(), "role", t.role(),
                    "dueAt", t.dueAt().toString(), "reminder", Integer.toString(r.reminder())));
            return true;
        });
        if (counted) {
            service.tell(e);
        }
        return counted;
    }
}
