package io.vitrine.web;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.vitrine.asset.Ids;
import io.vitrine.concept.ConceptException;
import io.vitrine.concept.ConceptService;
import io.vitrine.concept.FewShot;
import io.vitrine.concept.Prototype;
import io.vitrine.enrich.Vocabulary;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Teaching a concept from the library's selection: {@code GET /teach?asset=…} shows the selected
 * assets, each an example, a counter-example or left out, and the concept to teach (or a new one);
 * {@code POST /teach} checks the assets as the API does (unknown and invisible alike), starts the
 * library run through {@link FewShot} and opens the concept page, which follows the run.
 */
final class TeachRoutes {
    /** More than FewShot takes (50 + 50), so a too-large selection is refused with its message, not cut silently. */
    static final int MAX_SELECTED = 200;

    private final ConceptService concepts;
    private final FewShot fewShot;
    private final WebAccess access;
    private final Pages pages;

    TeachRoutes(ConceptService concepts, FewShot fewShot, WebAccess access, Pages pages) {
        this.concepts = concepts;
        this.fewShot = fewShot;
        this.access = access;
        this.pages = pages;
    }

    void page(Context ctx, Sessions.SignedIn who) {
        List<String> ids = selected(ctx.queryParams("asset"));
        String concept = ctx.queryParam("concept");
        render(ctx, who, ids, Map.of(), concept == null ? "" : concept, "", null);
    }

    void teach(Context ctx, Sessions.SignedIn who) {
        List<String> ids = selected(ctx.formParams("asset"));
        Map<String, String> roles = new HashMap<>();
        ids.forEach(id -> roles.put(id, role(ctx.formParam("role-" + id))));
        String concept = ConceptForms.field(ctx, "concept").strip();
        String newLabel = ConceptForms.field(ctx, "new-label").strip();
        String lang = ConceptForms.language(ctx);
        List<String> positives = ids.stream().filter(id -> roles.get(id).equals("positive")).toList();
        List<String> negatives = ids.stream().filter(id -> roles.get(id).equals("negative")).toList();
        try {
            List<String> unseen = ids.stream().filter(id -> !access.sees(who, id)).toList();
            if (!unseen.isEmpty()) {
                throw new ConceptException(ConceptException.Kind.INVALID, "unknown-assets", unseen.size()
                        + " of the selected assets no longer exist or are not visible to you; select again in the library");
            }
            FewShot.check(new FewShot.Examples(positives, negatives));
            if (newLabel.isEmpty() && concept.isEmpty()) {
                throw new ConceptException(ConceptException.Kind.INVALID, "invalid", "choose a concept, or name a new one");
            }
            if (!newLabel.isEmpty()) {
                concept = create(who, newLabel, lang).id();
                newLabel = "";
            }
            Prototype p = fewShot.teach(concepts.get(concept).id(), new FewShot.Examples(positives, negatives), who.principal().name());
            access.record(who, "concept.teach", p.concept(), Map.of("via", "web", "prototype", "prototype@" + p.version(),
                    "positives", String.join(",", positives), "negatives", String.join(",", negatives)));
            ctx.redirect("/concepts/" + p.concept() + "?taught=" + p.version() + "#teaching", HttpStatus.SEE_OTHER);
        } catch (ConceptException e) {
            ctx.status(ConceptForms.refusal(ctx, e) == 404 ? 400 : ConceptForms.refusal(ctx, e));
            render(ctx, who, ids, roles, concept, newLabel, ConceptForms.problem(e, concepts.vocabulary(), lang));
        }
    }

    /** A new concept named in the person's language; its id is made from that name. */
    private Vocabulary.Concept create(Sessions.SignedIn who, String label, String lang) {
        Vocabulary.Concept c = concepts.create(new ConceptService.NewConcept(slug(label), null, Map.of(lang, label), Map.of()),
                who.principal().name());
        access.record(who, "concept.create", c.id(), Map.of("via", "web"));
        return c;
    }

    /** "Red Forklift" → "red-forklift"; a name with no Latin letters ("叉车") gets a short id from its hash. */
    static String slug(String label) {
        String s = Normalizer.normalize(label, Normalizer.Form.NFD).replaceAll("\\p{M}+", "").toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        s = s.length() > 32 ? s.substring(0, 32).replaceAll("-+$", "") : s;
        if (!s.isEmpty()) {
            return s;
        }
        byte[] bytes = label.getBytes(StandardCharsets.UTF_8);
        return "c-" + Integer.toHexString(java.util.Arrays.hashCode(bytes) & 0x7fffffff);
    }

    private void render(Context ctx, Sessions.SignedIn who, List<String> ids, Map<String, String> roles, String concept,
            String newLabel, ConceptPages.Problem problem) {
        String lang = ConceptForms.language(ctx);
        List<ConceptPages.Example> examples = new ArrayList<>();
        int missing = 0;
        for (String id : ids) {
            if (access.sees(who, id)) {
                examples.add(new ConceptPages.Example(Tiles.of(access.visible(who, id)), roles.getOrDefault(id, "positive")));
            } else {
                missing++;
            }
        }
        pages.render(ctx, "teach", new ConceptPages.TeachPage(Chrome.of("Teach a concept", who), examples,
                ConceptForms.options(concepts.vocabulary(), lang), concept, newLabel, problem, missing));
    }

    private static List<String> selected(List<String> raw) {
        Set<String> out = new LinkedHashSet<>();
        raw.stream().filter(Ids::looksValid).limit(MAX_SELECTED).forEach(out::add);
        return List.copyOf(out);
    }

    private static String role(String raw) {
        return raw != null && (raw.equals("negative") || raw.equals("skip")) ? raw : "positive";
    }
}
