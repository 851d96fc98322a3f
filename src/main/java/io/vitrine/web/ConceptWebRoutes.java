package io.vitrine.web;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.vitrine.auth.Permission;
import io.vitrine.concept.ConceptException;
import io.vitrine.concept.ConceptService;
import io.vitrine.concept.FewShot;
import io.vitrine.concept.Prototype;
import io.vitrine.enrich.Vocabulary;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The vocabulary pages: the list in the person's language with a "new concept" form, one concept
 * with its edit form, delete and teaching state. Changes go through the {@link ConceptService} the
 * API uses, so the same checks refuse them; a refusal is shown beside the form, never as an error page.
 */
final class ConceptWebRoutes {
    static final int PAGE = 100;
    private static final int MAX_Q = 100;

    private final ConceptService concepts;
    private final FewShot fewShot;
    private final WebAccess access;
    private final Pages pages;

    ConceptWebRoutes(ConceptService concepts, FewShot fewShot, WebAccess access, Pages pages) {
        this.concepts = concepts;
        this.fewShot = fewShot;
        this.access = access;
        this.pages = pages;
    }

    void list(Context ctx, Sessions.SignedIn who) {
        String lang = ConceptForms.language(ctx);
        String deleted = ctx.queryParam("deleted");
        String notice = deleted == null || !deleted.matches("[a-z0-9-]{1,32}") ? null : "Concept '" + deleted + "' was deleted.";
        renderList(ctx, who, lang, ConceptForms.of(null, lang), null, notice);
    }

    void create(Context ctx, Sessions.SignedIn who) {
        String lang = ConceptForms.language(ctx);
        try {
            String id = ConceptForms.field(ctx, "id").strip();
            String broader = ConceptForms.field(ctx, "broader").strip();
            var n = new ConceptService.NewConcept(id.isEmpty() ? null : id, broader.isEmpty() ? null : broader,
                    ConceptForms.labels(ctx), ConceptForms.synonyms(ctx));
            Vocabulary.Concept c = concepts.create(n, who.principal().name());
            access.record(who, "concept.create", c.id(), Map.of("via", "web"));
            ctx.redirect("/concepts/" + c.id() + "?created=1", HttpStatus.SEE_OTHER);
        } catch (ConceptException e) {
            ctx.status(ConceptForms.refusal(ctx, e));
            renderList(ctx, who, lang, ConceptForms.typed(ctx, lang), ConceptForms.problem(e, concepts.vocabulary(), lang), null);
        }
    }

    void detail(Context ctx, Sessions.SignedIn who) {
        Vocabulary.Concept c = concepts.get(ctx.pathParam("id"));
        String lang = ConceptForms.language(ctx);
        String notice = ctx.queryParam("created") != null ? "Concept created."
                : ctx.queryParam("taught") != null ? "Teaching started: the library is being searched for assets like your examples." : null;
        renderDetail(ctx, who, c, lang, ConceptForms.of(c, lang), null, notice);
    }

    /** Labels and broader concept of people's concepts, synonyms of any (a shipped concept's form has no label fields). */
    void update(Context ctx, Sessions.SignedIn who) {
        Vocabulary.Concept c = concepts.get(ctx.pathParam("id"));
        String lang = ConceptForms.language(ctx);
        try {
            boolean labels = Vocabulary.LANGUAGES.stream().anyMatch(l -> ctx.formParam("label-" + l) != null);
            String broader = ConceptForms.field(ctx, "broader").strip();
            var p = new ConceptService.Patch(ctx.formParam("broader") != null, broader.isEmpty() ? null : broader,
                    labels ? ConceptForms.labels(ctx) : null, ConceptForms.synonyms(ctx));
            Vocabulary.Concept changed = concepts.update(c.id(), p);
            access.record(who, "concept.update", c.id(), Map.of("via", "web"));
            renderDetail(ctx, who, changed, lang, ConceptForms.of(changed, lang), null, "Saved.");
        } catch (ConceptException e) {
            ctx.status(ConceptForms.refusal(ctx, e));
            renderDetail(ctx, who, c, lang, ConceptForms.typed(ctx, lang), ConceptForms.problem(e, concepts.vocabulary(), lang), null);
        }
    }

    void delete(Context ctx, Sessions.SignedIn who) {
        Vocabulary.Concept c = concepts.get(ctx.pathParam("id"));
        String lang = ConceptForms.language(ctx);
        try {
            concepts.delete(c.id());
            access.record(who, "concept.delete", c.id(), Map.of("via", "web"));
            ctx.redirect("/concepts?deleted=" + c.id(), HttpStatus.SEE_OTHER);
        } catch (ConceptException e) {
            ctx.status(ConceptForms.refusal(ctx, e));
            renderDetail(ctx, who, c, lang, ConceptForms.of(c, lang), ConceptForms.problem(e, concepts.vocabulary(), lang), null);
        }
    }

    /** The concept page's teaching section on its own: the page asks for it again until the library run has finished. */
    void teaching(Context ctx, Sessions.SignedIn who) {
        Vocabulary.Concept c = concepts.get(ctx.pathParam("id"));
        pages.render(ctx, "concept-teaching", teachingOf(c, ConceptForms.language(ctx), who));
    }

    ConceptPages.Teaching teachingOf(Vocabulary.Concept c, String lang, Sessions.SignedIn who) {
        String label = concepts.vocabulary().label(c.id(), lang);
        String search = "/?q=" + LibraryRoutes.enc(label);
        boolean canTeach = who.principal().can(Permission.CONCEPT_MANAGE);
        return fewShot.prototype(c.id()).map(p -> {
            boolean pending = p.status() == Prototype.Status.QUEUED || p.status() == Prototype.Status.RUNNING;
            int tagged = p.status() == Prototype.Status.DONE ? p.tagged() : fewShot.tagged(p);
            return new ConceptPages.Teaching(c.id(), label, p.status().apiName(), p.version(), tagged,
                    (int) p.positives().stream().filter(id -> access.sees(who, id)).count(),
                    (int) p.negatives().stream().filter(id -> access.sees(who, id)).count(), p.error(), p.taughtBy(),
                    p.taughtAt() == null ? "" : p.taughtAt().toString().substring(0, 16).replace('T', ' ') + " UTC", search, pending,
                    canTeach);
        }).orElse(new ConceptPages.Teaching(c.id(), label, "none", 0, 0, 0, 0, null, null, null, search, false, canTeach));
    }

    private void renderList(Context ctx, Sessions.SignedIn who, String lang, ConceptPages.Form form, ConceptPages.Problem problem,
            String notice) {
        String q = ctx.queryParam("q") == null ? "" : ctx.queryParam("q").strip();
        q = q.length() > MAX_Q ? q.substring(0, MAX_Q) : q;
        String cursor = ctx.queryParam("cursor");
        Vocabulary v = concepts.vocabulary();
        List<Vocabulary.Concept> page = concepts.list(q, cursor == null || cursor.length() > 32 ? null : cursor, PAGE + 1);
        var taught = fewShot.statuses(page.stream().map(Vocabulary.Concept::id).collect(java.util.stream.Collectors.toSet()));
        List<ConceptPages.Row> rows = page.stream().limit(PAGE).map(c -> row(c, v, lang, taught.get(c.id()))).toList();
        String next = page.size() > PAGE ? "/concepts?q=" + LibraryRoutes.enc(q) + "&cursor=" + rows.getLast().id() : null;
        pages.render(ctx, "concepts", new ConceptPages.ListPage(Chrome.of("Concepts", who), lang, q, rows, next,
                who.principal().can(Permission.CONCEPT_MANAGE), form, problem, ConceptForms.options(v, lang), notice));
    }

    private ConceptPages.Row row(Vocabulary.Concept c, Vocabulary v, String lang, Prototype.Status taught) {
        String label = v.label(c.id(), lang);
        List<String> others = new ArrayList<>();
        ConceptForms.languages(lang).forEach(l -> {
            String other = c.labels().get(l);
            if (other != null && !other.isBlank() && !other.equals(label)) {
                others.add(other + " (" + l + ")");
            }
        });
        List<String> synonyms = new ArrayList<>();
        c.synonyms().forEach((l, words) -> words.forEach(w -> synonyms.add(w + " (" + l + ")")));
        ConceptPages.Option broader = c.broader() == null ? null : new ConceptPages.Option(c.broader(), v.label(c.broader(), lang));
        String few = taught == null ? null : "taught (" + taught.apiName() + ")";
        return new ConceptPages.Row(c.id(), label, others, synonyms, broader, c.shipped(), few);
    }

    private void renderDetail(Context ctx, Sessions.SignedIn who, Vocabulary.Concept c, String lang, ConceptPages.Form form,
            ConceptPages.Problem problem, String notice) {
        Vocabulary v = concepts.vocabulary();
        String label = v.label(c.id(), lang);
        ConceptPages.Option broader = c.broader() == null ? null : new ConceptPages.Option(c.broader(), v.label(c.broader(), lang));
        List<ConceptPages.Option> narrower = v.narrower(c.id()).stream().map(n -> new ConceptPages.Option(n, v.label(n, lang))).toList();
        List<ConceptPages.Option> choices = ConceptForms.options(v, lang).stream().filter(o -> !o.id().equals(c.id())).toList();
        pages.render(ctx, "concept", new ConceptPages.DetailPage(Chrome.of(label, who), c.id(), label, c.shipped(), broader, narrower,
                ConceptForms.of(c, lang).languages(), form, who.principal().can(Permission.CONCEPT_MANAGE), problem, notice,
                teachingOf(c, lang, who), choices, "/?q=" + LibraryRoutes.enc(label)));
    }
}
