package io.vitrine.web;

import io.javalin.http.Context;
import io.vitrine.asset.Asset;
import io.vitrine.asset.AssetNotFoundException;
import io.vitrine.asset.AssetService;
import io.vitrine.auth.Permission;
import io.vitrine.duplicate.DuplicatePair;
import io.vitrine.duplicate.DuplicateService;
import io.vitrine.workflow.ReviewQueue;
import io.vitrine.workflow.TransitionRefusedException;
import io.vitrine.workflow.WorkflowRefusedException;
import io.vitrine.workflow.WorkflowRepository;
import io.vitrine.workflow.WorkflowService;
import io.vitrine.workflow.WorkflowState;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The review queues in the browser: approval tasks for the person's roles (decided in place) and possible duplicates. */
final class ReviewRoutes {
    private static final int LIMIT = ReviewPage.SHOWN;

    private final ReviewQueue queue;
    private final WorkflowService workflow;
    private final DuplicateService duplicates;
    private final AssetService assets;
    private final io.vitrine.enrich.EnrichmentService enrichment;
    private final WebAccess access;
    private final Pages pages;
    private final Clock clock;

    ReviewRoutes(ReviewQueue queue, WorkflowService workflow, DuplicateService duplicates, AssetService assets,
            io.vitrine.enrich.EnrichmentService enrichment, WebAccess access, Pages pages, Clock clock) {
        this.enrichment = enrichment;
        this.queue = queue;
        this.workflow = workflow;
        this.duplicates = duplicates;
        this.assets = assets;
        this.access = access;
        this.pages = pages;
        this.clock = clock;
    }

    void page(Context ctx, Sessions.SignedIn who) {
        render(ctx, who, null);
    }

    /** Approves or rejects the person's own task on an asset; a refusal (not her task, no comment) shows on the page. */
    void decideTask(Context ctx, Sessions.SignedIn who) {
        Asset a = access.visible(who, ctx.pathParam("id"));
        WorkflowState to = "rejected".equals(ctx.formParam("decision")) ? WorkflowState.REJECTED : WorkflowState.APPROVED;
        try {
            workflow.transition(who.principal(), a, new WorkflowService.Transition(to, null, blankToNull(ctx.formParam("comment")),
                    blankToNull(ctx.formParam("taskId"))));
            render(ctx, who, (to == WorkflowState.APPROVED ? "Approved " : "Rejected ") + a.filename() + ".");
        } catch (WorkflowRefusedException | TransitionRefusedException e) {
            ctx.status(409);
            render(ctx, who, "Not saved: " + e.getMessage());
        }
    }

    void decidePair(Context ctx, Sessions.SignedIn who) {
        Asset a = access.visible(who, ctx.pathParam("a"));
        Asset b = access.visible(who, ctx.pathParam("b"));
        Optional<DuplicatePair> pair = duplicates.pair(a.id(), b.id());
        if (pair.isEmpty()) {
            pages.error(ctx, 404, "No such pair", "These two assets are not a possible duplicate pair.");
            return;
        }
        DuplicatePair.Status status;
        try {
            status = DuplicatePair.Status.parse(ctx.formParam("status"));
        } catch (IllegalArgumentException e) {
            pages.error(ctx, 400, "That decision could not be saved", e.getMessage());
            return;
        }
        duplicates.decide(pair.get(), status, WorkflowService.actor(who.principal()));
        access.record(who, "duplicate.decide", a.id(), Map.of("via", "web", "other", b.id(), "status", status.apiName()));
        render(ctx, who, status == DuplicatePair.Status.CONFIRMED ? "Marked as the same picture." : "Marked as different pictures.");
    }

    private void render(Context ctx, Sessions.SignedIn who, String message) {
        boolean canReview = who.principal().can(Permission.WORKFLOW_REVIEW);
        boolean canResolve = who.principal().can(Permission.METADATA_EDIT);
        Instant now = clock.instant();
        List<ReviewPage.Task> tasks = canReview ? queue.of(who.principal(), LIMIT, null).items().stream()
                .filter(q -> who.principal().visibleCollections() == null || access.sees(who, q.task().assetId())).map(q -> task(q, now)).toList()
                : List.of();
        List<ReviewPage.Pair> pairs = canResolve ? duplicates.review(null, DuplicatePair.Status.OPEN, who.principal().visibleRegions(),
                LIMIT, null).items().stream().filter(p -> access.sees(who, p.a()) && access.sees(who, p.b()))
                .flatMap(p -> pair(p).stream()).toList() : List.of();
        List<ReviewPage.Drafts> drafts = canResolve ? drafts(who) : List.of();
        pages.render(ctx, "review", new ReviewPage(Chrome.of("Review", who), canReview, tasks, canResolve, pairs, drafts, message));
    }

    /** Fetches more than it shows: some of the newest may be outside the person's regions. */
    private List<ReviewPage.Drafts> drafts(Sessions.SignedIn who) {
        return enrichment.awaitingReview(LIMIT * 4).stream().flatMap(d -> {
            try {
                return java.util.stream.Stream.of(new ReviewPage.Drafts(Tiles.of(access.visible(who, d.assetId())), d.count()));
            } catch (AssetNotFoundException e) {
                return java.util.stream.Stream.empty();
            }
        }).limit(LIMIT).toList();
    }

    private ReviewPage.Task task(WorkflowRepository.Queued q, Instant now) {
        String thumb = thumb(q.task().assetId());
        return new ReviewPage.Task(q.task().id(), q.task().assetId(), q.filename(), thumb, q.task().role(), q.tier() == null ? 1 : q.tier(),
                q.channel(), q.task().dueAt().toString().substring(0, 10), q.task().overdue(now));
    }

    private Optional<ReviewPage.Pair> pair(DuplicatePair p) {
        try {
            Asset a = assets.get(p.a());
            Asset b = assets.get(p.b());
            return Optional.of(new ReviewPage.Pair(a.id(), a.filename(), Tiles.of(a).thumbUrl(), b.id(), b.filename(),
                    Tiles.of(b).thumbUrl(), p.verdict().apiName()));
        } catch (AssetNotFoundException e) {
            return Optional.empty();
        }
    }

    private String thumb(String assetId) {
        try {
            return Tiles.of(assets.get(assetId)).thumbUrl();
        } catch (AssetNotFoundException e) {
            return null;
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
