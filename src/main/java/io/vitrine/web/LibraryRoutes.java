package io.vitrine.web;

import io.javalin.http.Context;
import io.vitrine.asset.Asset;
import io.vitrine.asset.AssetService;
import io.vitrine.asset.Page;
import io.vitrine.search.Facet;
import io.vitrine.search.SearchQuery;
import io.vitrine.search.SearchResult;
import io.vitrine.search.SearchService;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The library: one search box, sort, facets with counts, and a grid that grows by 100 as the user
 * scrolls. With no query and no filter the grid lists the database newest first, so files still
 * processing (not yet searchable) or failed show up with their badge.
 */
final class LibraryRoutes {
    static final int PAGE = 100;
    private static final int MAX_Q = 1000;

    private final SearchService search;
    private final AssetService assets;
    private final io.vitrine.analytics.SearchLog log;
    private final Pages pages;

    LibraryRoutes(SearchService search, AssetService assets, io.vitrine.analytics.SearchLog log, Pages pages) {
        this.search = search;
        this.log = log;
        this.assets = assets;
        this.pages = pages;
    }

    /** A search hit opened from the library (reported by app.js); feeds the low-click report. */
    void click(Context ctx, Sessions.SignedIn who) {
        String query = ctx.formParam("query");
        String assetId = ctx.formParam("assetId");
        String position = ctx.formParam("position");
        if (query == null || query.isBlank() || assetId == null || position == null || !position.matches("[1-9][0-9]{0,5}")) {
            ctx.status(400).result("query, assetId and position (from 1) are needed");
            return;
        }
        log.clicked(who.principal().tokenId(), query, assetId, Integer.parseInt(position), java.time.Instant.now());
        ctx.status(204);
    }

    void library(Context ctx, Sessions.SignedIn who) {
        Params p = Params.of(ctx);
        java.util.Set<String> regions = who.principal().visibleRegions();
        long started = System.nanoTime();
        // natural language: with the embedder installed a text query is hybrid (keyword + semantic)
        SearchQuery query = p.query(ctx.queryParam("cursor"), who.principal());
        SearchService.Results r = search.search(query, false);
        if (!p.q().isEmpty() && ctx.queryParam("cursor") == null) {
            log.searched(who.principal().tokenId(), p.q(), r.total(), (System.nanoTime() - started) / 1_000_000, java.time.Instant.now());
        }
        List<LibraryPage.FacetGroup> facets = facets(r.facets(), p.filters());
        LibraryPage page;
        if (Params.listed(query)) {
            Page<Asset> list = assets.list(PAGE, ctx.queryParam("cursor"), regions, who.principal().visibleCollections());
            page = new LibraryPage(Chrome.of("Library", who), "", p.sort(), r.total(), true,
                    list.items().stream().map(Tiles::of).toList(), facets, more(p, list.nextCursor()));
        } else {
            page = new LibraryPage(Chrome.of("Library", who), p.q(), p.sort(), r.total(), false,
                    r.hits().stream().map(h -> Tiles.of(h.asset())).toList(), facets, more(p, r.nextCursor()));
        }
        pages.render(ctx, "library", page);
    }

    /**
     * The library's facet counts and result count for the query in the URL, without the grid: what
     * live.js swaps in when assets arrive or change. The same search as the page, seen by the same
     * person, so nobody counts assets she could not open; not logged as a search, nobody typed it.
     */
    void sidebar(Context ctx, Sessions.SignedIn who) {
        Params p = Params.of(ctx);
        SearchQuery query = p.query(null, who.principal());
        SearchService.Results r = search.search(query, false);
        pages.render(ctx, "sidebar", new LibraryPage(Chrome.of("Library", who), p.q(), p.sort(), r.total(), Params.listed(query),
                List.of(), facets(r.facets(), p.filters()), null));
    }

    private static List<LibraryPage.FacetGroup> facets(Map<String, List<SearchResult.FacetCount>> counts, Map<Facet, List<String>> selected) {
        List<LibraryPage.FacetGroup> groups = new ArrayList<>();
        for (Facet f : Facet.values()) {
            List<String> chosen = selected.getOrDefault(f, List.of());
            List<LibraryPage.FacetValue> values = new ArrayList<>(counts.getOrDefault(f.apiName(), List.of()).stream()
                    .map(c -> new LibraryPage.FacetValue(c.value(), valueLabel(f, c.value()), c.count(), chosen.contains(c.value())))
                    .toList());
            // a chosen value nothing matches any more stays listed (at 0), so it can be unticked
            chosen.stream().filter(v -> values.stream().noneMatch(x -> x.value().equals(v)))
                    .forEach(v -> values.add(new LibraryPage.FacetValue(v, valueLabel(f, v), 0, true)));
            groups.add(new LibraryPage.FacetGroup(f.apiName(), label(f), values));
        }
        return groups;
    }

    /** Risk flags read as words ("People without release"); other facets' values already are what people read. */
    private static String valueLabel(Facet f, String value) {
        return f == Facet.RISK ? io.vitrine.risk.RiskFlag.label(value) : value;
    }

    private static String label(Facet f) {
        return switch (f) {
            case MEDIA_TYPE -> "Type";
            case YEAR -> "Year";
            case CAMERA_MODEL -> "Camera";
            case KEYWORDS -> "Keywords";
            case STATUS -> "Status";
            case WORKFLOW -> "Approval";
            case PEOPLE -> "People";
            case RISK -> "Risk";
        };
    }

    private static String more(Params p, String cursor) {
        return cursor == null ? null : "/?" + p.queryString() + "cursor=" + enc(cursor);
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /** The query string, parsed leniently: unknown facet values simply match nothing. */
    private record Params(String q, String sort, Map<Facet, List<String>> filters) {

        static Params of(Context ctx) {
            String q = ctx.queryParam("q") == null ? "" : ctx.queryParam("q").strip();
            q = q.length() > MAX_Q ? q.substring(0, MAX_Q) : q;
            Map<Facet, List<String>> filters = new EnumMap<>(Facet.class);
            for (Facet f : Facet.values()) {
                List<String> values = ctx.queryParams(f.apiName()).stream().map(String::strip).filter(v -> !v.isEmpty()).toList();
                if (!values.isEmpty()) {
                    filters.put(f, values);
                }
            }
            String sort = ctx.queryParam("sort");
            if (sort == null || !List.of("relevance", "newest", "oldest").contains(sort)) {
                sort = q.isEmpty() ? "newest" : "relevance";
            }
            return new Params(q, sort, filters);
        }

        /**
         * The whole library newest first is the SQL list (the search only counts); whatever narrows it,
         * a partner's released-only rule included, is a search with its own cursor.
         */
        static boolean listed(SearchQuery seen) {
            return (seen.text() == null || seen.text().isEmpty()) && seen.sort() == SearchQuery.SortOrder.DATE_DESC
                    && seen.filters().isEmpty();
        }

        SearchQuery query(String cursor, io.vitrine.auth.Principal viewer) {
            SearchQuery.SortOrder order = switch (sort) {
                case "newest" -> SearchQuery.SortOrder.DATE_DESC;
                case "oldest" -> SearchQuery.SortOrder.DATE_ASC;
                default -> SearchQuery.SortOrder.RELEVANCE;
            };
            SearchQuery seen = new SearchQuery(q, filters, null, null, order, PAGE, null).seenBy(viewer);
            return listed(seen) ? seen : new SearchQuery(q, filters, null, null, order, PAGE, cursor).seenBy(viewer);
        }

        String queryString() {
            StringBuilder sb = new StringBuilder("q=" + enc(q) + "&sort=" + sort + "&");
            filters.forEach((f, vs) -> vs.forEach(v -> sb.append(f.apiName()).append('=').append(enc(v)).append('&')));
            return sb.toString();
        }
    }
}
