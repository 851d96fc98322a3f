package io.vitrine.web;

import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.HttpStatus;
import io.javalin.http.SameSite;
import io.vitrine.api.BlobResponder;
import io.vitrine.asset.Asset;
import io.vitrine.asset.AssetNotFoundException;
import io.vitrine.asset.AssetService;
import io.vitrine.asset.AssetStatus;
import io.vitrine.asset.Rendition;
import io.vitrine.audit.AuditService;
import io.vitrine.collection.CollectionException;
import io.vitrine.collection.ShareLink;
import io.vitrine.collection.ShareLinkService;
import io.vitrine.rights.LicenceService;
import io.vitrine.rights.NotLicensedException;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The public side of share links ({@code /s/{token}}): no account, only the link. Every view and
 * download re-checks the link (expiry, revocation, password) and each asset (still in the
 * collection, ready, not quarantined, allowed in the link's region, licensed for the link's channel
 * and region today); what fails is simply not there. Every use is audited under the link's id.
 */
final class ShareRoutes {
    static final String COOKIE = "vitrine_share";
    private static final List<String> VIEWABLE = List.of("thumb", "preview");

    private final ShareLinkService links;
    private final AssetService assets;
    private final LicenceService licences;
    private final AuditService audit;
    private final BlobResponder blobs;
    private final Pages pages;
    private final io.vitrine.workflow.WorkflowService workflow;

    ShareRoutes(ShareLinkService links, AssetService assets, LicenceService licences, AuditService audit, BlobResponder blobs,
            Pages pages, io.vitrine.workflow.WorkflowService workflow) {
        this.workflow = workflow;
        this.links = links;
        this.assets = assets;
        this.licences = licences;
        this.audit = audit;
        this.blobs = blobs;
        this.pages = pages;
    }

    void view(Context ctx) {
        Optional<ShareLink> link = open(ctx);
        if (link.isEmpty()) {
            return;
        }
        ShareLink l = link.get();
        if (!links.unlockedBy(l, ctx.cookie(COOKIE))) {
            pages.render(ctx, "share", new SharePage(links.collectionName(l), null, true, null, base(ctx), List.of(), false, null));
            return;
        }
        List<SharePage.Item> items = links.assetIds(l).stream().flatMap(id -> shared(l, id).stream()).map(a -> item(ctx, l, a)).toList();
        links.noteUse(l);
        audit.record(actor(l), "share-link.view", l.id(), Map.of("collection", l.collectionId(), "assets", Integer.toString(items.size())));
        pages.render(ctx, "share", new SharePage(links.collectionName(l), null, false, null, base(ctx), items, l.download(),
                l.expiresAt().toString().substring(0, 10)));
    }

    /** The password form; cross-site posts are refused so another site cannot probe passwords through a visitor's browser. */
    void unlock(Context ctx) {
        Optional<ShareLink> link = open(ctx);
        if (link.isEmpty()) {
            return;
        }
        if ("cross-site".equals(ctx.header("Sec-Fetch-Site"))) {
            pages.error(ctx, 403, "Refused", "Open the link itself and enter the password there.");
            return;
        }
        ShareLink l = link.get();
        if (!links.unlock(l, ctx.formParam("password"))) {
            audit.record(actor(l), "share-link.password.wrong", l.id(), Map.of());
            ctx.status(401);
            pages.render(ctx, "share", new SharePage(links.collectionName(l), null, true, "That password is not right.", base(ctx),
                    List.of(), false, null));
            return;
        }
        Cookie c = new Cookie(COOKIE, links.accessKey(l), base(ctx), (int) java.time.Duration.ofHours(12).toSeconds(),
                "https".equals(ctx.scheme()), 0, true, null, null, SameSite.LAX);
        ctx.cookie(c);
        ctx.redirect(base(ctx), HttpStatus.SEE_OTHER);
    }

    void file(Context ctx) throws IOException {
        Optional<ShareLink> link = open(ctx);
        if (link.isEmpty()) {
            return;
        }
        ShareLink l = link.get();
        String name = ctx.pathParam("name");
        boolean original = name.equals("original");
        Optional<Asset> a = links.unlockedBy(l, ctx.cookie(COOKIE)) && (VIEWABLE.contains(name) || (original && l.download()))
                && links.assetIds(l).contains(ctx.pathParam("assetId")) ? shared(l, ctx.pathParam("assetId")) : Optional.empty();
        if (a.isEmpty()) {
            pages.error(ctx, 404, "Not available", "This file is not shared through this link.");
            return;
        }
        if (original) {
            audit.record(actor(l), "share-link.download", a.get().id(), Map.of("link", l.id(), "channel", l.use().channel().apiName(),
                    "region", l.use().region()));
            blobs.send(ctx, new BlobResponder.Delivery(a.get().sha256(), a.get().mediaType(), a.get().filename(), true));
            return;
        }
        Optional<Rendition> r = a.get().renditions().stream().filter(x -> x.name().equals(name)).findFirst();
        if (r.isEmpty()) {
            pages.error(ctx, 404, "Not available", "This file is not shared through this link.");
            return;
        }
        blobs.send(ctx, new BlobResponder.Delivery(r.get().sha256(), r.get().mediaType(), r.get().downloadName(a.get().filename()), false));
    }

    private Optional<ShareLink> open(Context ctx) {
        Pages.headers(ctx);
        try {
            return Optional.of(links.open(ctx.pathParam("token")));
        } catch (CollectionException e) {
            int status = switch (e.kind()) {
                case GONE -> 410;
                case LOCKED -> 429;
                default -> 404;
            };
            ctx.status(status);
            pages.render(ctx, "share", SharePage.message(status == 404 ? "Link not found" : "Link no longer works", e.getMessage()));
            return Optional.empty();
        }
    }

    /**
     * The asset if this link may show it now: ready, approved or published (only approved assets leave
     * the company), and licensed for the link's use (which also holds it to its markets).
     */
    private Optional<Asset> shared(ShareLink l, String id) {
        try {
            Asset a = assets.get(id);
            if (a.status() != AssetStatus.READY) {
                return Optional.empty();
            }
            licences.check(a, l.use());
            workflow.requireReleased(a, "shared through links");
            return Optional.of(a);
        } catch (AssetNotFoundException | NotLicensedException | io.vitrine.workflow.NotReleasedException e) {
            return Optional.empty();
        }
    }

    private static SharePage.Item item(Context ctx, ShareLink l, Asset a) {
        String base = base(ctx) + "/" + a.id() + "/";
        return new SharePage.Item(a.filename(), base + "thumb", base + "preview", l.download() ? base + "original" : null);
    }

    private static String base(Context ctx) {
        return "/s/" + ctx.pathParam("token");
    }

    private static String actor(ShareLink l) {
        return "share-link:" + l.id();
    }
}
