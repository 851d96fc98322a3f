package io.vitrine.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import io.vitrine.lifecycle.LifecycleRepository;
import io.vitrine.lifecycle.LifecycleRule;
import io.vitrine.lifecycle.LifecycleService;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Lifecycle rules as data, the brand guideline version, per-asset lifecycle facts, and the warnings the rules gave. */
final class LifecycleRoutes {
    private final LifecycleService lifecycle;
    private final Access access;
    private final ObjectMapper json;

    LifecycleRoutes(LifecycleService lifecycle, Access access, ObjectMapper json) {
        this.lifecycle = lifecycle;
        this.access = access;
        this.json = json;
    }

    record RuleView(String id, String trigger, String action, Integer withinDays, boolean enabled) {
        static RuleView of(LifecycleRule r) {
            return new RuleView(r.id(), r.trigger().apiName(), r.action().apiName(), r.withinDays(), r.enabled());
        }
    }

    record FactsView(String assetId, Instant campaignEnd, String guidelineVersion) {
        static FactsView of(LifecycleRepository.Facts f) {
            return new FactsView(f.assetId(), f.campaignEnd(), f.guidelineVersion());
        }
    }

    void rules(Context ctx) {
        ctx.json(Map.of("rules", lifecycle.rules().stream().map(RuleView::of).toList(),
                "guidelineVersion", lifecycle.guideline().orElse("")));
    }

    void replaceRules(Context ctx) {
        JsonNode rules = LicenceJson.read(json, ctx.body()).get("rules");
        if (rules == null || !rules.isArray() || rules.size() > 100) {
            throw ApiException.badRequest("send {\"rules\":[{\"id\",\"trigger\",\"action\",\"withinDays\",\"enabled\"}, …]} (at most 100)");
        }
        List<LifecycleRule> parsed = new ArrayList<>();
        rules.forEach(r -> parsed.add(rule(r)));
        try {
            ctx.json(Map.of("rules", lifecycle.replaceRules(parsed).stream().map(RuleView::of).toList()));
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(e.getMessage());
        }
    }

    void setGuideline(Context ctx) {
        String version = LicenceJson.text(LicenceJson.read(json, ctx.body()), "version");
        try {
            lifecycle.setGuideline(version);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(e.getMessage());
        }
        AuditTrail.detail(ctx, "version", version);
        ctx.json(Map.of("guidelineVersion", version.strip()));
    }

    void warnings(Context ctx) {
        ctx.json(Map.of("items", lifecycle.warnings(500).stream().filter(w -> access.sees(ctx, w.assetId())).toList()));
    }

    void facts(Context ctx) {
        ctx.json(FactsView.of(lifecycle.facts(access.visible(ctx, ctx.pathParam("id")).id())));
    }

    /** Merge-patch: a field left out stays, a field sent as null is cleared. */
    void updateFacts(Context ctx) {
        String id = access.visible(ctx, ctx.pathParam("id")).id();
        JsonNode body = LicenceJson.read(json, ctx.body());
        body.fieldNames().forEachRemaining(f -> {
            if (!f.equals("campaignEnd") && !f.equals("guidelineVersion")) {
                throw ApiException.badRequest("unknown field '" + Deliverer.abbreviate(f) + "'; send campaignEnd and/or guidelineVersion");
            }
        });
        LifecycleRepository.Facts now = lifecycle.facts(id);
        Instant end = body.has("campaignEnd") ? LicenceJson.date(body, "campaignEnd", true) : now.campaignEnd();
        String guideline = body.has("guidelineVersion") ? LicenceJson.text(body, "guidelineVersion") : now.guidelineVersion();
        if (guideline != null && guideline.length() > 64) {
            throw ApiException.badRequest("'guidelineVersion' must be at most 64 characters");
        }
        ctx.json(FactsView.of(lifecycle.saveFacts(new LifecycleRepository.Facts(id, end, guideline))));
    }

    private static LifecycleRule rule(JsonNode r) {
        if (!r.isObject()) {
            throw ApiException.badRequest("each rule is an object");
        }
        String trigger = LicenceJson.text(r, "trigger");
        String action = LicenceJson.text(r, "action");
        JsonNode days = r.get("withinDays");
        if (days != null && !days.isNull() && !days.canConvertToInt()) {
            throw ApiException.badRequest("'withinDays' must be a whole number of days");
        }
        return new LifecycleRule(LicenceJson.text(r, "id"),
                LifecycleRule.Trigger.byApiName(trigger == null ? "" : trigger).orElseThrow(() -> ApiException.badRequest(
                        "unknown trigger '" + trigger + "'; triggers are licence-ended, licence-ending, campaign-ended, guideline-changed")),
                LifecycleRule.Action.byApiName(action == null ? "" : action).orElseThrow(() -> ApiException.badRequest(
                        "unknown action '" + action + "'; actions are quarantine, warn, archive, review-again")),
                days == null || days.isNull() ? null : days.asInt(), !r.has("enabled") || r.path("enabled").asBoolean(true));
    }

}
