package io.vitrine.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import io.vitrine.analytics.SearchLog;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Search analytics: clicks reported by clients, and the zero-result and low-click reports. */
final class AnalyticsRoutes {
    private final SearchLog log;
    private final ObjectMapper json;
    private final Clock clock;

    AnalyticsRoutes(SearchLog log, ObjectMapper json, Clock clock) {
        this.log = log;
        this.json = json;
        this.clock = clock;
    }

    void click(Context ctx) throws java.io.IOException {
        JsonNode b = json.readTree(ctx.body().isBlank() ? "{}" : ctx.body());
        if (!b.path("query").isTextual() || !b.path("assetId").isTextual() || !b.path("position").canConvertToInt()
                || b.path("position").asInt() < 1) {
            throw ApiException.badRequest("send {\"query\": the search text, \"assetId\": the opened asset, \"position\": its rank from 1}");
        }
        log.clicked(Access.principal(ctx).tokenId(), b.get("query").asText(), b.get("assetId").asText(), b.get("position").asInt(),
                clock.instant());
        ctx.status(204);
    }

    void searches(Context ctx) {
        String report = ctx.queryParamAsClass("report", String.class).getOrDefault("zero-results");
        int days = bounded(ctx, "days", 30, 1, 3650);
        int limit = bounded(ctx, "limit", 50, 1, 500);
        Instant since = clock.instant().minus(Duration.ofDays(days));
        List<SearchLog.QueryStat> rows = switch (report) {
            case "zero-results" -> log.zeroResults(since, limit);
            case "low-clicks" -> log.lowClicks(since, 3, limit);
            default -> throw ApiException.badRequest("report must be zero-results or low-clicks");
        };
        ctx.json(new Report(report, since, rows));
    }

    private static int bounded(Context ctx, String name, int def, int min, int max) {
        String v = ctx.queryParam(name);
        if (v == null) {
            return def;
        }
        try {
            int n = Integer.parseInt(v.strip());
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException ignored) {
            // same answer as out of range
        }
        throw ApiException.badRequest(name + " must be a whole number from " + min + " to " + max);
    }

    record Report(String report, Instant since, List<SearchLog.QueryStat> queries) {}
}
