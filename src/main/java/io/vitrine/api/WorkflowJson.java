package io.vitrine.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.vitrine.asset.Asset;
import io.vitrine.workflow.ReviewTask;
import io.vitrine.workflow.Workflow;
import io.vitrine.workflow.WorkflowEvent;
import io.vitrine.workflow.WorkflowRepository;
import io.vitrine.workflow.WorkflowService;
import io.vitrine.workflow.WorkflowState;
import java.time.Instant;
import java.util.List;
import java.util.TreeSet;

/** The workflow as the API shows it: a summary on every asset, the whole review on its own route. */
final class WorkflowJson {
    private WorkflowJson() {}

    /** On the asset: where it stands and why its tier. {@code aiGenerated}: embedded provenance or a person's mark. */
    record Summary(String state, Integer tier, String channel, boolean aiGenerated,
            @JsonInclude(JsonInclude.Include.NON_NULL) String aiSource, List<String> riskFlags, int round,
            Integer reviewedVersion, List<String> allowedTransitions) {}

    record TaskView(String id, int round, String role, String state, Instant dueAt, boolean overdue, String decidedBy,
            Instant decidedAt, String comment, int reminders, Instant lastRemindedAt) {}

    record EventView(Instant at, String kind, String actor, String from, String to, String taskId, String text) {}

    record Details(String assetId, String state, Integer tier, String channel, boolean aiGenerated, String aiSource,
            List<String> riskFlags, List<String> tierRules, int round, Integer reviewedVersion, String submittedBy,
            Instant submittedAt, List<String> allowedTransitions, List<TaskView> tasks, List<EventView> history,
            List<EventView> comments) {}

    record QueueAsset(String id, String filename, String mediaType, Integer tier, String channel) {}

    record QueueItem(String id, int round, String role, String state, Instant dueAt, boolean overdue, int reminders,
            Instant lastRemindedAt, QueueAsset asset) {}

    record Queue(List<QueueItem> items, String nextCursor) {}

    static Summary summary(Asset a, Workflow w) {
        String source = WorkflowService.aiSource(a, w);
        return new Summary(w.state().apiName(), w.tier(), w.channel() == null ? null : w.channel().apiName(), source != null,
                source, List.copyOf(new TreeSet<>(w.riskFlags())), w.round(), w.reviewedVersion(), allowed(w));
    }

    static Details details(Asset a, WorkflowService.Details d, Instant now) {
        Workflow w = d.workflow();
        String source = WorkflowService.aiSource(a, w);
        List<EventView> history = d.history().stream().map(WorkflowJson::event).toList();
        return new Details(w.assetId(), w.state().apiName(), w.tier(), w.channel() == null ? null : w.channel().apiName(),
                source != null, source, List.copyOf(new TreeSet<>(w.riskFlags())), w.tierRules(), w.round(),
                w.reviewedVersion(), w.submittedBy(), w.submittedAt(), allowed(w),
                d.tasks().stream().map(t -> task(t, now)).toList(), history,
                history.stream().filter(e -> e.kind().equals(WorkflowEvent.Kind.COMMENT.apiName())).toList());
    }

    static TaskView task(ReviewTask t, Instant now) {
        return new TaskView(t.id(), t.round(), t.role(), t.state().apiName(), t.dueAt(), t.overdue(now), t.decidedBy(),
                t.decidedAt(), t.comment(), t.reminders(), t.remindedAt());
    }

    static QueueItem queued(WorkflowRepository.Queued q, Instant now) {
        ReviewTask t = q.task();
        return new QueueItem(t.id(), t.round(), t.role(), t.state().apiName(), t.dueAt(), t.overdue(now), t.reminders(),
                t.remindedAt(), new QueueAsset(t.assetId(), q.filename(), q.mediaType(), q.tier(), q.channel()));
    }

    private static EventView event(WorkflowEvent e) {
        return new EventView(e.at(), e.kind().apiName(), e.actor(), e.from(), e.to(), e.taskId(), e.text());
    }

    private static List<String> allowed(Workflow w) {
        return w.state().next().stream().map(WorkflowState::apiName).toList();
    }
}
