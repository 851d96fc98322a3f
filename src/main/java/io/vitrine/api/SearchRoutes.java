package io.vitrine.api;

import io.javalin.http.Context;
import io.vitrine.search.Facet;
import io.vitrine.search.SearchQuery;
import io.vitrine.search.SearchService;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** {@code GET /api/v1/search}: parses the query string into a {@link SearchQuery}, strictly. */
final class SearchRoutes {
    private static final Set<String> PARAMS = Set.of("q", "limit", "cursor", "sort", "from", "to", "explain");
    private static final int MAX_Q = 1000;

    private final SearchService search;
    private final io.vitrine.analytics.SearchLog log;

    SearchRoutes(SearchService search, io.vitrine.analytics.SearchLog log) {
        this.search = search;
        this.log = log;
    }

    void search(Context ctx) {
        SearchQuery q = parse(ctx);
        long started = System.nanoTime();
        SearchService.Results r = search.search(q.seenBy(Access.principal(ctx)), explain(ctx));
        // only first pages of typed queries are searches people made; browsing and paging are not
        if (q.text() != null && !q.text().isBlank() && q.cursor() == null) {
            log.searched(Access.principal(ctx).tokenId(), q.text(), r.total(), (System.nanoTime() - started) / 1_000_000,
                    java.time.Instant.now());
        }
        ctx.json(response(r, null));
    }

    static boolean explain(Context ctx) {
        String v = ctx.queryParam("explain");
        if (v == null || v.equals("false")) {
            return false;
        }
        if (v.equals("true")) {
            return true;
        }
        throw ApiException.badRequest("explain must be true or false");
    }

    /** The search answer shape, shared by similar-asset and by-image searches; {@code exclude} drops the example itself. */
    static SearchResponse response(SearchService.Results r, String exclude) {
        return new SearchResponse(r.total() - (exclude != null && r.hits().stream().anyMatch(h -> h.asset().id().equals(exclude)) ? 1 : 0),
                r.hits().stream().filter(h -> !h.asset().id().equals(exclude))
                        .map(h -> new SearchResponse.HitView(h.asset().id(), h.score(), h.explain(), AssetView.of(h.asset(), false, null)))
                        .toList(),
                r.facets(), r.nextCursor(), r.interpretation());
    }

    static SearchQuery parse(Context ctx) {
        Map<Facet, List<String>> filters = new EnumMap<>(Facet.class);
        for (String name : ctx.queryParamMap().keySet()) {
            if (PARAMS.contains(name)) {
                continue;
            }
            Facet facet = Facet.byApiName(name).orElseThrow(() -> ApiException.badRequest(
                    "unknown parameter or facet '" + abbreviate(name) + "'; facets are "
                    + String.join(", ", java.util.Arrays.stream(Facet.values()).map(Facet::apiName).toList())));
            filters.put(facet, ctx.queryParams(name).stream().flatMap(v -> List.of(v.split(",")).stream())
                    .map(String::strip).filter(v -> !v.isEmpty()).toList());
        }
        String q = ctx.queryParam("q");
        if (q != null && q.length() > MAX_Q) {
            throw ApiException.badRequest("q is longer than " + MAX_Q + " characters");
        }
        return new SearchQuery(q, filters, date(ctx, "from", false), date(ctx, "to", true), sort(ctx.queryParam("sort")),
                Paging.limit(ctx), ctx.queryParam("cursor"));
    }

    private static SearchQuery.SortOrder sort(String s) {
        if (s == null || s.equals("relevance")) {
            return SearchQuery.SortOrder.RELEVANCE;
        }
        return switch (s) {
            case "newest" -> SearchQuery.SortOrder.DATE_DESC;
            case "oldest" -> SearchQuery.SortOrder.DATE_ASC;
            default -> throw ApiException.badRequest("sort must be relevance, newest or oldest");
        };
    }

    /** Accepts a date (whole day, UTC) or an ISO-8601 instant; {@code to} with a date includes that day. */
    private static Instant date(Context ctx, String name, boolean endOfDay) {
        String v = ctx.queryParam(name);
        if (v == null || v.isBlank()) {
            return null;
        }
        try {
            if (v.length() == 10) {
                LocalDate d = LocalDate.parse(v);
                return (endOfDay ? d.plusDays(1) : d).atStartOfDay().toInstant(ZoneOffset.UTC).minusNanos(endOfDay ? 1 : 0);
            }
            return Instant.parse(v);
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest(name + " must be a date (2024-05-31) or an instant (2024-05-31T12:00:00Z)");
        }
    }

    private static String abbreviate(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }

    /** {@code interpretation}: with {@code explain=true}, the detected language, its evidence and the concepts named. */
    record SearchResponse(long total, List<HitView> hits, Map<String, List<io.vitrine.search.SearchResult.FacetCount>> facets, String nextCursor,
            @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
            io.vitrine.search.QueryInterpretation.Interpretation interpretation) {
        record HitView(String id, float score,
                @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
                java.util.Map<String, io.vitrine.search.SearchResult.Component> explain,
                AssetView asset) {}
    }
}
