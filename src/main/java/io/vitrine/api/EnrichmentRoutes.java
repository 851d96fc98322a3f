package io.vitrine.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import io.vitrine.enrich.Capabilities;
import io.vitrine.enrich.EnrichmentService;
import io.vitrine.enrich.FaceNotFoundException;
import io.vitrine.enrich.Tag;
import io.vitrine.enrich.TagNotFoundException;
import io.vitrine.enrich.Vocabulary;
import java.util.List;

/** Capabilities, and people's decisions on AI tags, faces and risk flags. */
final class EnrichmentRoutes {
    private final EnrichmentService enrichment;
    private final io.vitrine.risk.RiskService risks;
    private final Capabilities capabilities;
    private final Access access;
    private final ObjectMapper json;

    EnrichmentRoutes(EnrichmentService enrichment, io.vitrine.risk.RiskService risks, Capabilities capabilities, Access access,
            ObjectMapper json) {
        this.enrichment = enrichment;
        this.risks = risks;
        this.capabilities = capabilities;
        this.access = access;
        this.json = json;
    }

    void capabilities(Context ctx) {
        ctx.json(new CapabilitiesResponse(capabilities.list()));
    }

    void decide(Context ctx) {
        String id = access.visible(ctx, ctx.pathParam("id")).id();
        Tag.Status status = parseStatus(ctx.body());
        AuditTrail.detail(ctx, "concept", ctx.pathParam("concept"));
        AuditTrail.detail(ctx, "decision", status.name().toLowerCase(java.util.Locale.ROOT));
        try {
            Tag t = enrichment.decide(id, ctx.pathParam("concept"), status);
            ctx.json(EnrichmentView.tag(t, enrichment.vocabulary(), language(ctx)));
        } catch (TagNotFoundException e) {
            throw new ApiException(404, "no-tag", "Not found", e.getMessage());
        }
    }

    /** A person's word on a detected face: accepted (a real face) or rejected (not a face, no longer counts as a person). */
    void decideFace(Context ctx) {
        String id = access.visible(ctx, ctx.pathParam("id")).id();
        int number;
        try {
            number = Integer.parseInt(ctx.pathParam("number"));
        } catch (NumberFormatException e) {
            throw ApiException.badRequest("the face number must be an integer, as listed in the asset's faces");
        }
        Tag.Status status = parseStatus(ctx.body());
        AuditTrail.detail(ctx, "face", Integer.toString(number));
        AuditTrail.detail(ctx, "decision", status.name().toLowerCase(java.util.Locale.ROOT));
        try {
            ctx.json(EnrichmentView.face(enrichment.decideFace(id, number, status)));
        } catch (FaceNotFoundException e) {
            throw new ApiException(404, "no-face", "Not found", e.getMessage());
        }
    }

    /** A reviewer's word on a content risk flag: accepted (the risk is real) or rejected (it no longer counts). */
    void decideRisk(Context ctx) {
        String id = access.visible(ctx, ctx.pathParam("id")).id();
        String flag = ctx.pathParam("flag");
        Tag.Status status = parseStatus(ctx.body());
        AuditTrail.detail(ctx, "flag", flag.length() > 60 ? flag.substring(0, 60) : flag);
        AuditTrail.detail(ctx, "decision", status.name().toLowerCase(java.util.Locale.ROOT));
        try {
            ctx.json(EnrichmentView.risk(risks.decide(id, flag, status)));
        } catch (io.vitrine.risk.RiskNotFoundException e) {
            throw new ApiException(404, "no-risk-flag", "Not found", e.getMessage());
        }
    }

    record RiskFlagView(String flag, String label, EnrichmentView.ThresholdView threshold) {}

    record RiskFlagList(List<RiskFlagView> flags) {}

    /** Every flag the risk step can raise, with its threshold as reviewers' decisions left it. */
    void riskFlags(Context ctx) {
        ctx.json(new RiskFlagList(io.vitrine.risk.RiskService.FLAGS.stream().map(f -> new RiskFlagView(f, io.vitrine.risk.RiskFlag.label(f),
                EnrichmentView.ThresholdView.of(risks.thresholds(), f))).toList()));
    }

    private Tag.Status parseStatus(String body) {
        try {
            JsonNode node = json.readTree(body);
            if (node == null || !node.path("status").isTextual()) {
                throw ApiException.badRequest("send {\"status\":\"accepted\"} or {\"status\":\"rejected\"}");
            }
            return Tag.Status.parse(node.get("status").asText());
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(e.getMessage());
        } catch (java.io.IOException e) {
            throw ApiException.badRequest("the body is not JSON: send {\"status\":\"accepted|rejected\"}");
        }
    }

    /** The view of an asset's enrichment in the caller's language. */
    EnrichmentView view(String assetId, Context ctx) {
        return EnrichmentView.of(enrichment.of(assetId), enrichment.vocabulary(), language(ctx), risks.flags(assetId));
    }

    static String language(Context ctx) {
        return Vocabulary.pickLanguage(ctx.queryParam("lang"), ctx.header("Accept-Language"));
    }

    record CapabilitiesResponse(List<Capabilities.Capability> capabilities) {}
}
