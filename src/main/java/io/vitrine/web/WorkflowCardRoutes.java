package io.vitrine.web;

import io.javalin.http.Context;
import io.vitrine.asset.Asset;
import io.vitrine.auth.Permission;
import io.vitrine.auth.Principal;
import io.vitrine.workflow.ReviewTask;
import io.vitrine.workflow.TaskState;
import io.vitrine.workflow.TransitionRefusedException;
import io.vitrine.workflow.WorkflowEvent;
import io.vitrine.workflow.WorkflowRefusedException;
import io.vitrine.workflow.WorkflowService;
import io.vitrine.workflow.WorkflowState;
import java.util.ArrayList;
import java.util.List;

/**
 * The asset page's approval card: where the asset stands and the moves the person may make
 * (submit, publish, archive). Task decisions stay on the review page, where approvers work.
 */
final class WorkflowCardRoutes {
    private static final int HISTORY = 10;

    private final WorkflowService workflow;
    private final WebAccess access;
    private final Pages pages;

    WorkflowCardRoutes(WorkflowService workflow, WebAccess access, Pages pages) {
        this.workflow = workflow;
        this.access = access;
        this.pages = pages;
    }

    void card(Context ctx, Sessions.SignedIn who) {
        render(ctx, who, access.visible(who, ctx.pathParam("id")), null);
    }

    void move(Context ctx, Sessions.SignedIn who) {
        Asset a = access.visible(who, ctx.pathParam("id"));
        WorkflowState to = WorkflowState.byApiName(String.valueOf(ctx.formParam("to"))).filter(s -> moves(who.principal(), s))
                .orElse(null);
        if (to == null) {
            ctx.status(400);
            render(ctx, who, a, "That move is not offered here.");
            return;
        }
        try {
            workflow.transition(who.principal(), a, new WorkflowService.Transition(to, null, null, null));
            render(ctx, who, a, "Moved to " + to.apiName().replace('_', ' ') + ".");
        } catch (WorkflowRefusedException | TransitionRefusedException e) {
            ctx.status(409);
            render(ctx, who, a, "Not moved: " + e.getMessage());
        }
    }

    private void render(Context ctx, Sessions.SignedIn who, Asset a, String message) {
        WorkflowService.Details d = workflow.details(a.id());
        Principal p = who.principal();
        int round = d.workflow().round();
        List<WorkflowCard.TaskRow> tasks = d.tasks().stream().filter(t -> t.round() == round).map(WorkflowCardRoutes::row).toList();
        boolean mine = d.tasks().stream().anyMatch(t -> t.round() == round && t.state() == TaskState.OPEN && p.hasRole(t.role()));
        List<WorkflowCard.Move> moves = new ArrayList<>();
        for (WorkflowState s : d.workflow().state().next()) {
            if (moves(p, s)) {
                moves.add(new WorkflowCard.Move(s.apiName(), label(s)));
            }
        }
        List<String> history = d.history().reversed().stream().limit(HISTORY).map(WorkflowCardRoutes::line).toList();
        pages.render(ctx, "asset-workflow", new WorkflowCard(a.id(), who.session().csrf(), d.workflow().state().apiName(),
                d.workflow().tier(), tasks, history, moves, mine, message));
    }

    /** Submitting, publishing and archiving are offered here; approving and rejecting are task decisions. */
    private static boolean moves(Principal p, WorkflowState s) {
        return switch (s) {
            case IN_REVIEW -> p.can(Permission.WORKFLOW_SUBMIT);
            case PUBLISHED, ARCHIVED -> p.can(Permission.WORKFLOW_PUBLISH);
            default -> false;
        };
    }

    private static String label(WorkflowState s) {
        return switch (s) {
            case IN_REVIEW -> "Submit for review";
            case PUBLISHED -> "Publish";
            case ARCHIVED -> "Archive";
            default -> s.apiName();
        };
    }

    private static WorkflowCard.TaskRow row(ReviewTask t) {
        return new WorkflowCard.TaskRow(t.role(), t.state().apiName(), t.state() == TaskState.OPEN ? t.dueAt().toString().substring(0, 10)
                : null, t.decidedBy(), t.comment());
    }

    private static String line(WorkflowEvent e) {
        String what = e.kind() == WorkflowEvent.Kind.TRANSITION ? e.from() + " → " + e.to() : e.kind().name().toLowerCase(java.util.Locale.ROOT);
        return e.at().toString().substring(0, 16).replace('T', ' ') + " · " + what + " · " + e.actor()
                + (e.text() == null ? "" : " · " + e.text());
    }
}
