package io.vitrine.workflow;

import io.vitrine.auth.Principal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One approver's decision on her review task, and what it does to the round: any rejection ends it
 * rejected (the other open tasks are cancelled), the last approval ends it approved. Four eyes: the
 * submitter decides none of her own round's tasks, and one person decides at most one task per
 * round, so "legal and compliance" are always two people.
 */
final class Decisions {
    private final WorkflowService service;
    private final WorkflowRepository repo;
    private final Principal who;
    private final Workflow wf;
    private final Instant now;
    private final List<WorkflowEvent> events;

    Decisions(WorkflowService service, Principal who, Workflow wf, Instant now, List<WorkflowEvent> events) {
        this.service = service;
        this.repo = service.repo();
        this.who = who;
        this.wf = wf;
        this.now = now;
        this.events = events;
    }

    Workflow decide(WorkflowService.Transition t) {
        WorkflowService.requireMove(wf, t.to());
        boolean approve = t.to() == WorkflowState.APPROVED;
        String comment = WorkflowService.text(t.comment());
        if (!approve && comment == null) {
            throw WorkflowService.invalid("a rejection needs a reason: send it as 'comment'");
        }
        ReviewTask task = myTask(t.taskId());
        TaskState decision = approve ? TaskState.APPROVED : TaskState.REJECTED;
        if (!repo.decide(task.id(), decision, WorkflowService.actor(who), comment, now)) {
            throw new WorkflowRefusedException(WorkflowRefusedException.Reason.CONFLICT, "task-decided",
                    "review task " + task.id() + " was decided by someone else a moment ago");
        }
        WorkflowEvent e = new WorkflowEvent(wf.assetId(), WorkflowEvent.Kind.DECISION, null, decision.apiName(), task.id(),
                WorkflowService.actor(who), comment, now);
        repo.append(e);
        events.add(e);
        Map<String, String> details = new LinkedHashMap<>();
        details.put("taskId", task.id());
        details.put("role", task.role());
        details.put("decision", decision.apiName());
        details.put("round", Integer.toString(task.round()));
        if (comment != null) {
            details.put("comment", comment);
        }
        service.audit().record(WorkflowService.actor(who), "workflow.task.decide", wf.assetId(), details);
        return settle(approve, comment);
    }

    /** Ends the round when this decision settles it; otherwise the asset stays in review. */
    private Workflow settle(boolean approved, String comment) {
        List<ReviewTask> round = repo.tasks(wf.assetId()).stream().filter(x -> x.round() == wf.round()).toList();
        boolean allApproved = round.stream().allMatch(x -> x.state() == TaskState.APPROVED);
        if (approved && !allApproved) {
            return wf;
        }
        repo.cancelOpen(wf.assetId(), now);
        Workflow next = wf.moved(approved ? WorkflowState.APPROVED : WorkflowState.REJECTED, now);
        repo.save(next);
        Map<String, String> details = new LinkedHashMap<>();
        details.put("round", Integer.toString(wf.round()));
        service.recordTransition(who, wf, next, comment, details, now, events);
        return next;
    }

    /** The open task of this round the caller may decide, or a 403 saying why there is none. */
    private ReviewTask myTask(String taskId) {
        List<ReviewTask> round = repo.tasks(wf.assetId()).stream().filter(x -> x.round() == wf.round()).toList();
        String me = WorkflowService.actor(who);
        if (me.equals(wf.submittedBy())) {
            throw forbidden("you submitted this asset for review; another person must decide its review tasks (four eyes)");
        }
        if (round.stream().anyMatch(x -> me.equals(x.decidedBy()))) {
            throw forbidden("you already decided a review task of this round; each required approval needs a different person");
        }
        List<ReviewTask> open = round.stream().filter(x -> x.state() == TaskState.OPEN).toList();
        List<ReviewTask> mine = open.stream().filter(x -> who.hasRole(x.role()))
                .filter(x -> taskId == null || x.id().equals(taskId)).toList();
        if (mine.isEmpty()) {
            List<String> needed = open.stream().map(ReviewTask::role).distinct().toList();
            throw forbidden((taskId != null ? "review task '" + WorkflowService.clip(taskId) + "' is not an open task of yours on this asset"
                    : "you have no open review task on this asset") + "; its open tasks need the role" + (needed.size() == 1 ? " " : "s ")
                    + String.join(", ", needed) + " and your roles are " + String.join(", ", new java.util.TreeSet<>(who.roles())));
        }
        return mine.getFirst();
    }

    private static WorkflowRefusedException forbidden(String detail) {
        return new WorkflowRefusedException(WorkflowRefusedException.Reason.FORBIDDEN, "not-your-task", detail);
    }
}
