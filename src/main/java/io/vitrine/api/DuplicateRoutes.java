package io.vitrine.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import io.vitrine.auth.Principal;
import io.vitrine.duplicate.DuplicatePair;
import io.vitrine.duplicate.DuplicateRepository;
import io.vitrine.duplicate.DuplicateService;
import io.vitrine.duplicate.Verdict;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Near-duplicates: an asset's pairs, the review list (both assets of a pair must be visible to the
 * caller, or the pair is not shown), a person's decision on a pair, and the library scan.
 */
final class DuplicateRoutes {
    private final DuplicateService duplicates;
    private final Access access;
    private final ObjectMapper json;

    DuplicateRoutes(DuplicateService duplicates, Access access, ObjectMapper json) {
        this.duplicates = duplicates;
        this.access = access;
        this.json = json;
    }

    record Duplicate(String id, String verdict, JsonNode evidence, String status, String decidedBy, Instant decidedAt,
            Instant foundAt) {}

    record DuplicatesResponse(List<Duplicate> duplicates) {}

    record PairView(String a, String b, String verdict, JsonNode evidence, String status, String decidedBy, Instant decidedAt,
            Instant foundAt) {}

    record ReviewResponse(List<PairView> pairs, String nextCursor) {}

    void ofAsset(Context ctx) {
        String id = access.visible(ctx, ctx.pathParam("id")).id();
        List<Duplicate> out = duplicates.of(id, Access.principal(ctx).visibleRegions()).stream()
                .filter(p -> Access.principal(ctx).visibleCollections() == null || access.sees(ctx, p.other(id)))
                .map(p -> new Duplicate(p.other(id), p.verdict().apiName(), evidence(p), p.status().apiName(), p.decidedBy(),
                        p.decidedAt(), p.foundAt()))
                .toList();
        ctx.json(new DuplicatesResponse(out));
    }

    void review(Context ctx) {
        Verdict verdict = parse(ctx.queryParam("verdict"), Verdict::parse);
        String s = ctx.queryParam("status");
        DuplicatePair.Status status = s == null || s.isBlank() ? DuplicatePair.Status.OPEN
                : s.equals("any") ? null : parse(s, DuplicatePair.Status::parse);
        DuplicateRepository.Page page;
        try {
            page = duplicates.review(verdict, status, Access.principal(ctx).visibleRegions(), Paging.limit(ctx), ctx.queryParam("cursor"));
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("cursor is not one this list gave out");
        }
        // the collection rule is applied after the page is read (a page may come out shorter; its cursor still holds)
        ctx.json(new ReviewResponse(page.items().stream().filter(p -> Access.principal(ctx).visibleCollections() == null
                || (access.sees(ctx, p.a()) && access.sees(ctx, p.b()))).map(this::view).toList(), page.nextCursor()));
    }

    void decide(Context ctx) {
        DuplicatePair.Status status = parseStatus(ctx.body());
        String a = access.visible(ctx, ctx.pathParam("a")).id();
        String b = access.visible(ctx, ctx.pathParam("b")).id();
        DuplicatePair pair = duplicates.pair(a, b).orElseThrow(() -> new ApiException(404, "no-pair", "Not found",
                "assets " + a + " and " + b + " are not a found duplicate pair"));
        Principal who = Access.principal(ctx);
        AuditTrail.target(ctx, pair.a());
        AuditTrail.detail(ctx, "other", pair.b());
        AuditTrail.detail(ctx, "verdict", pair.verdict().apiName());
        AuditTrail.detail(ctx, "decision", status.apiName());
        ctx.json(view(duplicates.decide(pair, status, who.name())));
    }

    void scan(Context ctx) {
        long queued = duplicates.scan();
        AuditTrail.detail(ctx, "queued", Long.toString(queued));
        ctx.json(Map.of("queued", queued));
    }

    private PairView view(DuplicatePair p) {
        return new PairView(p.a(), p.b(), p.verdict().apiName(), evidence(p), p.status().apiName(), p.decidedBy(), p.decidedAt(),
                p.foundAt());
    }

    private JsonNode evidence(DuplicatePair p) {
        try {
            return json.readTree(p.evidence());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private DuplicatePair.Status parseStatus(String body) {
        String usage = "send {\"status\":\"confirmed\"}, {\"status\":\"dismissed\"} or {\"status\":\"open\"}";
        try {
            JsonNode node = json.readTree(body);
            if (node == null || !node.path("status").isTextual()) {
                throw ApiException.badRequest(usage);
            }
            return DuplicatePair.Status.parse(node.get("status").asText());
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(e.getMessage() + ": " + usage);
        } catch (IOException e) {
            throw ApiException.badRequest("the body is not JSON: " + usage);
        }
    }

    private static <T> T parse(String value, java.util.function.Function<String, T> parser) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return parser.apply(value.strip());
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(e.getMessage());
        }
    }
}
