package io.vitrine.api;

import io.javalin.http.Context;
import io.vitrine.audit.AuditService;
import io.vitrine.auth.Principal;
import java.util.HashMap;
import java.util.Map;

/**
 * Turns answered requests into audit events, for the routes named here: every change, every
 * delivery of a file and every use of a signed link. Routes add what the path does not say
 * ({@link #target}, {@link #detail}); refused deliveries are recorded too, with ".denied".
 */
final class AuditTrail {
    private static final String TARGET = "vitrine.audit.target";
    private static final String DETAILS = "vitrine.audit.details";

    static final Map<String, String> ACTIONS = Map.ofEntries(
            Map.entry("POST /api/v1/assets", "asset.upload"),
            Map.entry("POST /api/v1/assets/{id}/versions", "asset.version"),
            Map.entry("PATCH /api/v1/assets/{id}", "asset.update"),
            Map.entry("DELETE /api/v1/assets/{id}", "asset.delete"),
            Map.entry("POST /api/v1/assets/{id}/restore", "asset.restore"),
            Map.entry("GET /api/v1/assets/{id}/original", "asset.original"),
            Map.entry("GET /api/v1/assets/{id}/renditions/{name}", "asset.rendition"),
            Map.entry("POST /api/v1/assets/{id}/licences", "licence.attach"),
            Map.entry("DELETE /api/v1/assets/{id}/licences/{licenceId}", "licence.detach"),
            Map.entry("POST /api/v1/assets/{id}/delivery-urls", "delivery-url.create"),
            Map.entry("GET /delivery/{id}/{name}", "delivery-url.use"),
            Map.entry("POST /api/v1/users", "user.create"),
            Map.entry("POST /api/v1/users/{id}/revoke", "user.revoke"),
            Map.entry("POST /api/v1/users/{id}/tokens", "user.token.issue"),
            Map.entry("PATCH /api/v1/users/{id}", "user.update"),
            Map.entry("POST /api/v1/groups", "group.create"),
            Map.entry("PATCH /api/v1/groups/{id}", "group.update"),
            Map.entry("DELETE /api/v1/groups/{id}", "group.delete"),
            Map.entry("PUT /api/v1/groups/{id}/members/{userId}", "group.member.add"),
            Map.entry("DELETE /api/v1/groups/{id}/members/{userId}", "group.member.remove"),
            Map.entry("POST /api/v1/licences", "licence.create"),
            Map.entry("POST /api/v1/licences/{id}/documents", "licence.document.add"),
            Map.entry("GET /api/v1/licences/{id}/documents/{documentId}", "licence.document.read"),
            Map.entry("POST /api/v1/lifecycle/run", "lifecycle.run"),
            Map.entry("PUT /api/v1/lifecycle/rules", "lifecycle.rules.replace"),
            Map.entry("PUT /api/v1/lifecycle/guideline", "lifecycle.guideline"),
            Map.entry("PATCH /api/v1/assets/{id}/lifecycle", "asset.lifecycle.update"),
            Map.entry("POST /api/v1/workflow/reminders/run", "workflow.reminders.run"),
            Map.entry("PATCH /api/v1/assets/{id}/tags/{concept}", "tag.decide"),
            Map.entry("PATCH /api/v1/assets/{id}/risks/{flag}", "risk.decide"),
            Map.entry("PUT /api/v1/assets/{id}/tags/{concept}", "tag.add"),
            Map.entry("DELETE /api/v1/assets/{id}/tags/{concept}", "tag.remove"),
            Map.entry("POST /api/v1/tags/bulk", "tag.bulk"),
            Map.entry("POST /api/v1/concepts", "concept.create"),
            Map.entry("PATCH /api/v1/concepts/{id}", "concept.update"),
            Map.entry("DELETE /api/v1/concepts/{id}", "concept.delete"),
            Map.entry("POST /api/v1/concepts/{id}/examples", "concept.teach"),
            Map.entry("POST /api/v1/collections", "collection.create"),
            Map.entry("PATCH /api/v1/collections/{id}", "collection.update"),
            Map.entry("DELETE /api/v1/collections/{id}", "collection.delete"),
            Map.entry("POST /api/v1/collections/{id}/assets", "collection.assets.add"),
            Map.entry("DELETE /api/v1/collections/{id}/assets/{assetId}", "collection.assets.remove"),
            Map.entry("PUT /api/v1/collections/{id}/members/{userId}", "collection.share"),
            Map.entry("DELETE /api/v1/collections/{id}/members/{userId}", "collection.unshare"),
            Map.entry("POST /api/v1/collections/{id}/share-links", "share-link.create"),
            Map.entry("DELETE /api/v1/share-links/{id}", "share-link.revoke"),
            Map.entry("PATCH /api/v1/duplicates/{a}/{b}", "duplicate.decide"),
            Map.entry("POST /api/v1/duplicates/scan", "duplicates.scan"),
            Map.entry("POST /api/v1/webhooks", "webhook.create"),
            Map.entry("DELETE /api/v1/webhooks/{id}", "webhook.delete"),
            Map.entry("POST /api/v1/webhooks/{id}/deliveries/{deliveryId}/replay", "webhook.replay"));

    private final AuditService audit;

    AuditTrail(AuditService audit) {
        this.audit = audit;
    }

    static void target(Context ctx, String target) {
        ctx.attribute(TARGET, target);
    }

    static void detail(Context ctx, String key, String value) {
        details(ctx).put(key, value);
    }

    private static Map<String, String> details(Context ctx) {
        Map<String, String> d = ctx.attribute(DETAILS);
        if (d == null) {
            d = new HashMap<>();
            ctx.attribute(DETAILS, d);
        }
        return d;
    }

    /** Records the request if its route is audited; {@code outcome} null = it succeeded. */
    void record(Context ctx, String route, String outcome) {
        String action = ACTIONS.get(route);
        if (action == null || (outcome == null && ctx.statusCode() >= 400)) {
            return;
        }
        Map<String, String> d = details(ctx);
        ctx.pathParamMap().forEach((k, v) -> {
            if (!k.equals("id")) {
                d.put(k, v);
            }
        });
        for (String q : new String[] {"channel", "region"}) {
            if (ctx.queryParam(q) != null) {
                d.putIfAbsent(q, ctx.queryParam(q));
            }
        }
        d.put("status", outcome != null ? outcome : Integer.toString(ctx.statusCode()));
        String target = ctx.attribute(TARGET) != null ? ctx.attribute(TARGET) : ctx.pathParamMap().get("id");
        audit.record(actor(ctx), outcome == null ? action : action + ".denied", target, d);
    }

    private static String actor(Context ctx) {
        Principal p = Access.principal(ctx);
        return p == null ? "signed-link" : p.tokenId() + " (" + p.name() + ")";
    }
}
