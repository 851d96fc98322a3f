package io.vitrine.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import io.vitrine.asset.Asset;
import io.vitrine.asset.AssetService;
import io.vitrine.auth.Permission;
import io.vitrine.workflow.Approvals;
import io.vitrine.workflow.Reminders;
import io.vitrine.workflow.Tiering;
import io.vitrine.workflow.WorkflowService;
import io.vitrine.workflow.WorkflowState;
import java.io.IOException;
import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Approval workflow routes. The route itself needs {@code workflow.read}; each move then needs its
 * own permission (submit, review, publish), checked once the asset is known to be visible, so a
 * 403 names exactly what is missing and an invisible asset is still a 404.
 */
final class WorkflowRoutes {
    private static final Set<String> TRANSITION_FIELDS = Set.of("to", "channel", "comment", "taskId");
    private static final Pattern FLAG = Pattern.compile("[a-z0-9][a-z0-9-]{0,39}");
    private static final int MAX_FLAGS = 20;

    private final WorkflowService workflow;
    private final Approvals approvals;
    private final Access access;
    private final ObjectMapper json;
    private final Clock clock;

    WorkflowRoutes(Approvals approvals, Access access, ObjectMapper json, Clock clock) {
        this.workflow = approvals.workflow();
        this.approvals = approvals;
        this.access = access;
        this.json = json;
        this.clock = clock;
    }

    void transition(Context ctx) throws IOException {
        Asset a = access.visible(ctx, ctx.pathParam("id"));
        JsonNode body = object(ctx, TRANSITION_FIELDS);
        String to = LicenceJson.text(body, "to");
        WorkflowState target = to == null ? null : WorkflowState.byApiName(to).orElse(null);
        if (target == null) {
            throw ApiException.badRequest("'to' must be one of in_review, approved, rejected, published, archived");
        }
        Access.require(ctx, permissionFor(target));
        var t = new WorkflowService.Transition(target, LicenceJson.text(body, "channel"), LicenceJson.text(body, "comment"),
                LicenceJson.text(body, "taskId"));
        workflow.transition(Access.principal(ctx), a, t);
        ctx.json(details(a));
    }

    /** Who may make each move: contributors submit, approvers decide their tasks, librarians publish and archive. */
    static Permission permissionFor(WorkflowState target) {
        return switch (target) {
            case IN_REVIEW -> Permission.WORKFLOW_SUBMIT;
            case APPROVED, REJECTED -> Permission.WORKFLOW_REVIEW;
            case PUBLISHED, ARCHIVED, DRAFT -> Permission.WORKFLOW_PUBLISH;
        };
    }

    void get(Context ctx) {
        ctx.json(details(access.visible(ctx, ctx.pathParam("id"))));
    }

    /** The review inputs people set: {@code aiGenerated} (true, false or null) and {@code riskFlags}. */
    void setInputs(Context ctx) throws IOException {
        Asset a = access.visible(ctx, ctx.pathParam("id"));
        JsonNode body = object(ctx, Set.of("aiGenerated", "riskFlags"));
        if (body.isEmpty()) {
            throw ApiException.badRequest("send 'aiGenerated' (true, false or null) and/or 'riskFlags' (an array of slugs)");
        }
        var current = workflow.current(a.id());
        Boolean ai = current.aiGenerated();
        if (body.has("aiGenerated")) {
            JsonNode n = body.get("aiGenerated");
            if (!n.isNull() && !n.isBoolean()) {
                throw ApiException.badRequest("'aiGenerated' must be true, false or null");
            }
            ai = n.isNull() ? null : n.booleanValue();
        }
        Set<String> flags = body.has("riskFlags") ? flags(body.get("riskFlags")) : current.riskFlags();
        workflow.setInputs(Access.principal(ctx), a.id(), ai, flags);
        ctx.json(details(a));
    }

    private static Set<String> flags(JsonNode n) {
        if (n.isNull()) {
            return Set.of();
        }
        if (!n.isArray() || n.size() > MAX_FLAGS) {
            throw ApiException.badRequest("'riskFlags' must be an array of at most " + MAX_FLAGS + " slugs");
        }
        Set<String> out = new LinkedHashSet<>();
        for (JsonNode f : n) {
            if (!f.isTextual() || !FLAG.matcher(f.asText()).matches()) {
                throw ApiException.badRequest("risk flags are lowercase slugs (a-z, 0-9, '-', at most 40 characters), such as "
                        + "\"talent-release\" or \"health-claim\"");
            }
            out.add(f.asText());
        }
        return out;
    }

    void comment(Context ctx) throws IOException {
        Asset a = access.visible(ctx, ctx.pathParam("id"));
        JsonNode body = object(ctx, Set.of("text"));
        JsonNode text = body.get("text");
        if (text == null || !text.isTextual()) {
            throw ApiException.badRequest("a comment needs 'text' (a string)");
        }
        workflow.comment(Access.principal(ctx), a.id(), text.asText());
        ctx.status(201).json(details(a));
    }

    void tasks(Context ctx) {
        io.vitrine.workflow.ReviewQueue.Page page;
        try {
            page = approvals.queue().of(Access.principal(ctx), Paging.limit(ctx), ctx.queryParam("cursor"));
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("invalid cursor");
        }
        var now = clock.instant();
        // the collection rule after the page is read: a page may come out shorter, its cursor still holds
        ctx.json(new WorkflowJson.Queue(page.items().stream()
                .filter(q -> Access.principal(ctx).visibleCollections() == null || access.sees(ctx, q.task().assetId()))
                .map(q -> WorkflowJson.queued(q, now)).toList(), page.nextCursor()));
    }

    void rules(Context ctx) {
        Tiering t = workflow.tiering();
        Map<String, Object> tiers = new TreeMap<>();
        for (int tier = 1; tier <= 3; tier++) {
            tiers.put(Integer.toString(tier), Map.of("approvers", t.approvers(tier), "reviewTime", t.sla(tier).toString()));
        }
        ctx.json(Map.of("rules", t.rules(), "tiers", tiers, "aiDigitalSourceTypes", WorkflowService.AI_DIGITAL_SOURCE_TYPES,
                "evaluation", "every rule whose stated conditions all hold matches; the tier is the highest matching rule's (at least 1)"));
    }

    void runReminders(Context ctx) {
        boolean dryRun = "true".equalsIgnoreCase(ctx.queryParam("dryRun"));
        Reminders.Report report = approvals.reminders().run(dryRun);
        AuditTrail.detail(ctx, "dryRun", Boolean.toString(dryRun));
        ctx.json(report);
    }

    private WorkflowJson.Details details(Asset a) {
        return WorkflowJson.details(a, workflow.details(a.id()), clock.instant());
    }

    /** A JSON object whose fields are all known: an unknown field is a typo that would otherwise be ignored. */
    private JsonNode object(Context ctx, Set<String> known) throws IOException {
        JsonNode body = json.readTree(ctx.body().isBlank() ? "{}" : ctx.body());
        if (body == null || !body.isObject()) {
            throw ApiException.badRequest("the body must be a JSON object");
        }
        List<String> unknown = new java.util.ArrayList<>();
        body.fieldNames().forEachRemaining(f -> {
            if (!known.contains(f)) {
                unknown.add(Deliverer.abbreviate(f));
            }
        });
        if (!unknown.isEmpty()) {
            throw ApiException.badRequest("unknown field" + (unknown.size() > 1 ? "s " : " ") + String.join(", ", unknown)
                    + "; this route accepts " + String.join(", ", new java.util.TreeSet<>(known)));
        }
        return body;
    }
}
