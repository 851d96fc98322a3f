package io.vitrine.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import io.vitrine.concept.ConceptException;
import io.vitrine.concept.ConceptService;
import io.vitrine.concept.FewShot;
import io.vitrine.concept.Prototype;
import io.vitrine.enrich.Vocabulary;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The vocabulary over HTTP: reading it in the caller's language, people's concepts and synonyms, teaching from examples. */
final class ConceptRoutes {
    /** Ids in one teaching request before anything is looked up (the service allows far fewer examples). */
    private static final int MAX_IDS = 500;

    private final ConceptService concepts;
    private final FewShot fewShot;
    private final io.vitrine.enrich.Thresholds thresholds;
    private final Access access;
    private final ObjectMapper json;

    ConceptRoutes(ConceptService concepts, FewShot fewShot, io.vitrine.enrich.Thresholds thresholds, Access access, ObjectMapper json) {
        this.concepts = concepts;
        this.fewShot = fewShot;
        this.thresholds = thresholds;
        this.access = access;
        this.json = json;
    }

    record Ref(String id, String label) {}

    record ExamplesView(List<String> positive, List<String> negative) {}

    record FewShotView(String prototype, int version, ExamplesView examples, double radius, String status, int tagged,
            String error, String taughtBy, Instant taughtAt, Instant appliedAt) {}

    /** {@code threshold}: on single-concept answers only (a lookup per concept). */
    record ConceptView(String id, String label, Map<String, String> labels, Map<String, List<String>> synonyms, Ref broader,
            List<Ref> narrower, String source, FewShotView fewShot,
            @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
            EnrichmentView.ThresholdView threshold) {
        ConceptView withThreshold(EnrichmentView.ThresholdView t) {
            return new ConceptView(id, label, labels, synonyms, broader, narrower, source, fewShot, t);
        }
    }

    record ConceptList(List<ConceptView> concepts, String nextCursor) {}

    void list(Context ctx) {
        int limit = Paging.limit(ctx);
        String q = ctx.queryParam("q");
        if (q != null && q.length() > 100) {
            throw ApiException.badRequest("'q' may have at most 100 characters");
        }
        List<Vocabulary.Concept> page = concepts.list(q, ctx.queryParam("cursor"), limit + 1);
        String lang = EnrichmentRoutes.language(ctx);
        List<ConceptView> views = page.stream().limit(limit).map(c -> view(c, lang, null)).toList();
        ctx.json(new ConceptList(views, page.size() > limit ? views.getLast().id() : null));
    }

    void get(Context ctx) {
        Vocabulary.Concept c = call(() -> concepts.get(ctx.pathParam("id")));
        ctx.json(view(c, EnrichmentRoutes.language(ctx), fewShot.prototype(c.id()).map(p -> fewShotView(ctx, p)).orElse(null))
                .withThreshold(EnrichmentView.ThresholdView.of(thresholds, c.id())));
    }

    void create(Context ctx) {
        JsonNode body = LicenceJson.read(json, ctx.body());
        known(body, "id", "broader", "labels", "synonyms");
        var n = new ConceptService.NewConcept(LicenceJson.text(body, "id"), LicenceJson.text(body, "broader"), labels(body),
                synonyms(body));
        Vocabulary.Concept c = call(() -> concepts.create(n, Access.principal(ctx).name()));
        AuditTrail.target(ctx, c.id());
        ctx.status(201).json(view(c, EnrichmentRoutes.language(ctx), null));
    }

    void update(Context ctx) {
        JsonNode body = LicenceJson.read(json, ctx.body());
        known(body, "broader", "labels", "synonyms");
        var p = new ConceptService.Patch(body.has("broader"), LicenceJson.text(body, "broader"),
                body.has("labels") ? labels(body) : null, body.has("synonyms") ? synonyms(body) : null);
        Vocabulary.Concept c = call(() -> concepts.update(ctx.pathParam("id"), p));
        AuditTrail.target(ctx, c.id());
        ctx.json(view(c, EnrichmentRoutes.language(ctx), null));
    }

    void delete(Context ctx) {
        call(() -> {
            concepts.delete(ctx.pathParam("id"));
            return null;
        });
        AuditTrail.target(ctx, ctx.pathParam("id"));
        ctx.status(204);
    }

    /** Unknown and invisible assets are named alike (400), so the answer says nothing about assets in other regions. */
    void teach(Context ctx) {
        JsonNode body = LicenceJson.read(json, ctx.body());
        known(body, "assetIds", "negativeAssetIds");
        List<String> positives = ids(body, "assetIds");
        List<String> negatives = ids(body, "negativeAssetIds");
        Vocabulary.Concept c = call(() -> concepts.get(ctx.pathParam("id")));
        call(() -> {
            FewShot.check(new FewShot.Examples(positives, negatives));
            return null;
        });
        List<String> unknown = new ArrayList<>();
        for (String id : concat(positives, negatives)) {
            if (!access.sees(ctx, id)) {
                unknown.add(id);
            }
        }
        if (!unknown.isEmpty()) {
            throw new ApiException(400, "unknown-assets", "Bad request", "no such assets (or not visible to you): "
                    + String.join(", ", unknown.stream().limit(20).map(ConceptRoutes::abbreviate).toList())
                    + (unknown.size() > 20 ? " and " + (unknown.size() - 20) + " more" : ""));
        }
        Prototype p = call(() -> fewShot.teach(c.id(), new FewShot.Examples(positives, negatives), Access.principal(ctx).name()));
        AuditTrail.target(ctx, c.id());
        AuditTrail.detail(ctx, "prototype", "prototype@" + p.version());
        AuditTrail.detail(ctx, "positives", String.join(",", positives));
        AuditTrail.detail(ctx, "negatives", String.join(",", negatives));
        ctx.status(202).json(view(c, EnrichmentRoutes.language(ctx), fewShotView(ctx, p)));
    }

    private ConceptView view(Vocabulary.Concept c, String lang, FewShotView few) {
        Vocabulary v = concepts.vocabulary();
        Ref broader = c.broader() == null ? null : new Ref(c.broader(), v.label(c.broader(), lang));
        List<Ref> narrower = v.narrower(c.id()).stream().map(n -> new Ref(n, v.label(n, lang))).toList();
        Map<String, String> labels = new LinkedHashMap<>();
        c.labels().forEach((l, s) -> {
            if (!s.isBlank()) {
                labels.put(l, s);
            }
        });
        return new ConceptView(c.id(), v.label(c.id(), lang), labels, c.synonyms(), broader, narrower,
                c.shipped() ? "shipped" : "user", few, null);
    }

    private FewShotView fewShotView(Context ctx, Prototype p) {
        var examples = new ExamplesView(p.positives().stream().filter(id -> access.sees(ctx, id)).toList(),
                p.negatives().stream().filter(id -> access.sees(ctx, id)).toList());
        return new FewShotView("prototype@" + p.version(), p.version(), examples, p.radius(), p.status().apiName(),
                p.status() == Prototype.Status.DONE ? p.tagged() : fewShot.tagged(p), p.error(), p.taughtBy(), p.taughtAt(),
                p.appliedAt());
    }

    private static <T> T call(java.util.function.Supplier<T> work) {
        try {
            return work.get();
        } catch (ConceptException e) {
            throw switch (e.kind()) {
                case NOT_FOUND -> new ApiException(404, "not-found", "Not found", e.getMessage());
                case INVALID -> new ApiException(400, e.type().equals("invalid") ? "bad-request" : e.type(), "Bad request", e.getMessage());
                case CONFLICT -> new ApiException(409, e.type(), "Conflict", e.getMessage());
            };
        }
    }

    private static void known(JsonNode body, String... fields) {
        List<String> allowed = List.of(fields);
        body.fieldNames().forEachRemaining(f -> {
            if (!allowed.contains(f)) {
                throw ApiException.badRequest("unknown field '" + abbreviate(f) + "'; allowed: " + String.join(", ", allowed));
            }
        });
    }

    private static Map<String, String> labels(JsonNode body) {
        JsonNode n = body.get("labels");
        if (n == null || n.isNull()) {
            return Map.of();
        }
        if (!n.isObject()) {
            throw ApiException.badRequest("'labels' must be an object of language → label, e.g. {\"en\":\"forklift\"}");
        }
        Map<String, String> out = new LinkedHashMap<>();
        n.fields().forEachRemaining(e -> {
            if (!e.getValue().isTextual()) {
                throw ApiException.badRequest("the label in '" + abbreviate(e.getKey()) + "' must be a string");
            }
            out.put(e.getKey(), e.getValue().asText());
        });
        return out;
    }

    private static Map<String, List<String>> synonyms(JsonNode body) {
        JsonNode n = body.get("synonyms");
        if (n == null || n.isNull()) {
            return Map.of();
        }
        if (!n.isObject()) {
            throw ApiException.badRequest("'synonyms' must be an object of language → list of words, e.g. {\"en\":[\"lift truck\"]}");
        }
        Map<String, List<String>> out = new LinkedHashMap<>();
        n.fields().forEachRemaining(e -> {
            if (!e.getValue().isArray() || e.getValue().size() > 100) {
                throw ApiException.badRequest("the synonyms in '" + abbreviate(e.getKey()) + "' must be a list of words");
            }
            List<String> words = new ArrayList<>();
            e.getValue().forEach(w -> {
                if (!w.isTextual()) {
                    throw ApiException.badRequest("the synonyms in '" + abbreviate(e.getKey()) + "' must be strings");
                }
                words.add(w.asText());
            });
            out.put(e.getKey(), words);
        });
        return out;
    }

    private static List<String> ids(JsonNode body, String field) {
        JsonNode n = body.get(field);
        if (n == null || n.isNull()) {
            return List.of();
        }
        if (!n.isArray() || n.size() > MAX_IDS) {
            throw ApiException.badRequest("'" + field + "' must be an array of at most " + MAX_IDS + " asset ids");
        }
        List<String> out = new ArrayList<>();
        n.forEach(v -> {
            if (!v.isTextual() || v.asText().isBlank() || v.asText().length() > 64) {
                throw ApiException.badRequest("'" + field + "' must be an array of asset ids");
            }
            if (!out.contains(v.asText())) {
                out.add(v.asText());
            }
        });
        return out;
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }

    private static String abbreviate(String s) {
        return s.length() > 60 ? s.substring(0, 60) + "…" : s;
    }
}
