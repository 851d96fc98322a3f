package io.vitrine.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import io.vitrine.enrich.EnrichmentService;
import io.vitrine.enrich.Tag;
import io.vitrine.enrich.TagNotFoundException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** People editing tags: adding a concept the model missed, taking one off, and the same or a decision on many assets at once. */
final class TagEditRoutes {
    static final int MAX_BULK = 1000;

    private final EnrichmentService enrichment;
    private final Access access;
    private final ObjectMapper json;

    TagEditRoutes(EnrichmentService enrichment, Access access, ObjectMapper json) {
        this.enrichment = enrichment;
        this.access = access;
        this.json = json;
    }

    void add(Context ctx) {
        String id = access.visible(ctx, ctx.pathParam("id")).id();
        AuditTrail.detail(ctx, "concept", ctx.pathParam("concept"));
        try {
            Tag t = enrichment.add(id, ctx.pathParam("concept"));
            ctx.json(EnrichmentView.tag(t, enrichment.vocabulary(), EnrichmentRoutes.language(ctx)));
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(e.getMessage());
        }
    }

    void remove(Context ctx) {
        String id = access.visible(ctx, ctx.pathParam("id")).id();
        AuditTrail.detail(ctx, "concept", ctx.pathParam("concept"));
        try {
            enrichment.remove(id, ctx.pathParam("concept"));
            ctx.status(204);
        } catch (TagNotFoundException e) {
            throw new ApiException(404, "no-tag", "Not found", "asset " + id + " has no tag '" + ctx.pathParam("concept")
                    + "' added by a person; an AI tag is rejected (PATCH with status rejected), not removed");
        }
    }

    record BulkResponse(int changed, List<EnrichmentService.BulkOutcome> results) {}

    /** Assets the caller cannot see answer {@code not-found}, exactly like unknown ids, and are not touched. */
    void bulk(Context ctx) {
        JsonNode body = LicenceJson.read(json, ctx.body());
        String concept = LicenceJson.text(body, "concept");
        if (concept == null || concept.isBlank()) {
            throw ApiException.badRequest("'concept' is required");
        }
        EnrichmentService.BulkAction action = action(LicenceJson.text(body, "action"));
        List<String> ids = ids(body);
        List<String> visible = ids.stream().filter(id -> access.sees(ctx, id)).toList();
        List<EnrichmentService.BulkOutcome> done;
        try {
            done = enrichment.bulk(visible, concept, action);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(e.getMessage());
        }
        Map<String, String> outcome = new java.util.HashMap<>();
        done.forEach(o -> outcome.put(o.assetId(), o.outcome()));
        List<EnrichmentService.BulkOutcome> results = ids.stream()
                .map(id -> new EnrichmentService.BulkOutcome(id, outcome.getOrDefault(id, "not-found"))).toList();
        int changed = (int) results.stream().filter(r -> r.outcome().equals("changed")).count();
        AuditTrail.detail(ctx, "concept", concept);
        AuditTrail.detail(ctx, "action", action.name().toLowerCase(Locale.ROOT));
        AuditTrail.detail(ctx, "changed", String.join(",", results.stream().filter(r -> r.outcome().equals("changed"))
                .map(EnrichmentService.BulkOutcome::assetId).toList()));
        ctx.json(new BulkResponse(changed, results));
    }


    private static EnrichmentService.BulkAction action(String a) {
        try {
            return EnrichmentService.BulkAction.valueOf((a == null ? "" : a).toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("'action' must be accept, reject, add or remove");
        }
    }

    private static List<String> ids(JsonNode body) {
        JsonNode n = body.get("assetIds");
        if (n == null || !n.isArray() || n.isEmpty() || n.size() > MAX_BULK) {
            throw ApiException.badRequest("'assetIds' must be an array of 1 to " + MAX_BULK + " asset ids");
        }
        List<String> out = new ArrayList<>();
        n.forEach(v -> {
            if (!v.isTextual() || v.asText().length() > 64) {
                throw ApiException.badRequest("'assetIds' must be an array of asset ids");
            }
            if (!out.contains(v.asText())) {
                out.add(v.asText());
            }
        });
        return out;
    }
}
