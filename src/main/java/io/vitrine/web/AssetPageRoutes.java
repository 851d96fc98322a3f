package io.vitrine.web;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.vitrine.api.BlobResponder;
import io.vitrine.asset.Asset;
import io.vitrine.asset.AssetService;
import io.vitrine.asset.AssetStatus;
import io.vitrine.asset.EffectiveMetadata;
import io.vitrine.asset.MetadataPatch;
import io.vitrine.asset.Rendition;
import java.io.IOException;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/** The asset detail page, its inline edit and delete, and the files it shows and offers. */
final class AssetPageRoutes {
    private final AssetService assets;
    private final io.vitrine.enrich.EnrichmentService enrichment;
    private final AiTagChips aiTags;
    private final WebAccess access;
    private final BlobResponder blobs;
    private final Pages pages;
    /** Null until {@link #useRisks}: a server without the risk step shows no risk group. */
    private io.vitrine.risk.RiskService risks;

    AssetPageRoutes(AssetService assets, io.vitrine.enrich.EnrichmentService enrichment, WebAccess access, BlobResponder blobs,
            Pages pages) {
        this.assets = assets;
        this.enrichment = enrichment;
        this.aiTags = new AiTagChips(enrichment);
        this.access = access;
        this.blobs = blobs;
        this.pages = pages;
    }

    void useRisks(io.vitrine.risk.RiskService service) {
        this.risks = service;
    }

    void detail(Context ctx, Sessions.SignedIn who) {
        show(ctx, who, access.visible(who, ctx.pathParam("id")), null);
    }

    private void show(Context ctx, Sessions.SignedIn who, Asset a, String saved) {
        String lang = io.vitrine.enrich.Vocabulary.pickLanguage(ctx.queryParam("lang"), ctx.header("Accept-Language"));
        pages.render(ctx, "asset", AssetPages.of(Chrome.of(a.filename(), who), a, assets.versions(a.id()), saved,
                risks == null ? aiTags.of(a.id(), who, lang) : aiTags.of(a.id(), who, lang).withRisks(new RiskChips(risks).of(a.id(), who))));
    }

    /** Accept, reject or undo one AI tag; answers with the page (htmx swaps only the tags section). */
    void decideTag(Context ctx, Sessions.SignedIn who) {
        String concept = ctx.pathParam("concept");
        decide(ctx, who, "tag", "concept", () -> concept, (id, status) -> enrichment.decide(id, concept, status));
    }

    /** Confirms or rejects one detected face; answers with the page (htmx swaps only the AI section). */
    void decideFace(Context ctx, Sessions.SignedIn who) {
        // parsed where the decision is taken, so a number that is not one answers 400 like an unknown face
        decide(ctx, who, "face", "face", () -> Integer.toString(Integer.parseInt(ctx.pathParam("number"))),
                (id, status) -> enrichment.decideFace(id, Integer.parseInt(ctx.pathParam("number")), status));
    }

    /**
     * A reviewer's word on a content risk flag, through the same service call as the API's PATCH;
     * answers with the page (htmx swaps only the AI section).
     */
    void decideRisk(Context ctx, Sessions.SignedIn who) {
        String flag = ctx.pathParam("flag");
        decide(ctx, who, "risk", "flag", () -> flag, (id, status) -> risks.decide(id, flag, status));
    }

    /**
     * One person's decision on one AI finding of a visible asset: the status parsed from the form, the
     * decision taken, audited as {@code <kind>.decide} with what was decided ({@code key}: {@code value}),
     * then the page again. A bad status or an unknown finding answers 400 and changes nothing.
     */
    private void decide(Context ctx, Sessions.SignedIn who, String kind, String key, java.util.function.Supplier<String> value,
            java.util.function.BiConsumer<String, io.vitrine.enrich.Tag.Status> decision) {
        Asset a = access.visible(who, ctx.pathParam("id"));
        io.vitrine.enrich.Tag.Status status;
        try {
            status = io.vitrine.enrich.Tag.Status.parse(ctx.formParam("status"));
            decision.accept(a.id(), status);
        } catch (IllegalArgumentException | io.vitrine.enrich.TagNotFoundException | io.vitrine.enrich.FaceNotFoundException
                | io.vitrine.risk.RiskNotFoundException e) {
            pages.error(ctx, 400, "That " + kind + " decision could not be saved", e.getMessage());
            return;
        }
        access.record(who, kind + ".decide", a.id(), Map.of("via", "web", key, value.get(), "decision", status.apiName()));
        show(ctx, who, a, null);
    }

    /** Saves only what the person changed, so an untouched embedded value keeps its source. */
    void save(Context ctx, Sessions.SignedIn who) {
        Asset a = access.visible(who, ctx.pathParam("id"));
        EffectiveMetadata now = EffectiveMetadata.of(a);
        Set<String> present = new HashSet<>();
        Optional<String> title = changed(present, "title", ctx.formParam("title"), now.title());
        Optional<String> description = changed(present, "description", ctx.formParam("description"), now.description());
        List<String> keywords = keywords(ctx.formParam("keywords"));
        if (ctx.formParam("keywords") != null && !keywords.equals(now.keywordsOrEmpty())) {
            present.add("keywords");
        }
        Asset updated = present.isEmpty() ? a : assets.update(a.id(), new MetadataPatch(title, description,
                keywords.isEmpty() ? Optional.empty() : Optional.of(keywords), Optional.empty(), Optional.empty(), Map.of(), present));
        if (ctx.header("HX-Request") == null) {
            ctx.redirect("/assets/" + a.id(), HttpStatus.SEE_OTHER);
            return;
        }
        if (!present.isEmpty()) {
            access.record(who, "asset.update", a.id(), Map.of("via", "web", "fields", String.join(",", new java.util.TreeSet<>(present))));
        }
        show(ctx, who, updated, present.isEmpty() ? "Nothing changed." : "Saved.");
    }

    private static Optional<String> changed(Set<String> present, String field, String offered, String current) {
        if (offered == null) {
            return Optional.empty();
        }
        String value = offered.strip();
        if (!value.equals(Objects.requireNonNullElse(current, ""))) {
            present.add(field);
        }
        return value.isEmpty() ? Optional.empty() : Optional.of(value);
    }

    private static List<String> keywords(String raw) {
        return raw == null ? List.of() : Arrays.stream(raw.split(",")).map(String::strip).filter(k -> !k.isEmpty()).distinct().toList();
    }

    void delete(Context ctx, Sessions.SignedIn who) {
        Asset a = access.visible(who, ctx.pathParam("id"));
        assets.delete(a.id());
        access.record(who, "asset.delete", a.id(), Map.of("via", "web"));
        ctx.header("HX-Redirect", "/");
        ctx.redirect("/", HttpStatus.SEE_OTHER);
    }

    void rendition(Context ctx, Sessions.SignedIn who) throws IOException {
        Asset a = access.visible(who, ctx.pathParam("id"));
        if (refusedQuarantine(ctx, a)) {
            return;
        }
        access.checkView(who, a);
        Optional<Rendition> r = a.renditions().stream().filter(x -> x.name().equals(ctx.pathParam("name"))).findFirst();
        if (r.isEmpty()) {
            pages.error(ctx, 404, "No such rendition", "This asset has no rendition by that name (yet).");
            return;
        }
        String file = r.get().downloadName(a.filename());
        boolean download = ctx.queryParam("download") != null;
        if (download) {
            // grid thumbnails are looking, not delivery: only an explicit download is an audited event
            access.record(who, "asset.rendition", a.id(), Map.of("via", "web", "name", r.get().name()));
        }
        blobs.send(ctx, new BlobResponder.Delivery(r.get().sha256(), r.get().mediaType(), file, download));
    }

    void original(Context ctx, Sessions.SignedIn who) throws IOException {
        Asset a = access.visible(who, ctx.pathParam("id"));
        if (refusedQuarantine(ctx, a)) {
            return;
        }
        access.checkView(who, a);
        access.record(who, "asset.original", a.id(), Map.of("via", "web"));
        // inline only for playable audio: anything else (SVG, HTML-ish documents) downloads, never renders here
        boolean inline = ctx.queryParam("inline") != null && a.mediaType().startsWith("audio/");
        blobs.send(ctx, new BlobResponder.Delivery(a.sha256(), a.mediaType(), a.filename(), !inline));
    }

    private boolean refusedQuarantine(Context ctx, Asset a) {
        if (a.status() == AssetStatus.QUARANTINED) {
            pages.error(ctx, 403, "Quarantined", "This file was quarantined: " + a.statusReason());
            return true;
        }
        return false;
    }


}
