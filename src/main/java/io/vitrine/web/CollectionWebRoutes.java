package io.vitrine.web;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.vitrine.asset.Asset;
import io.vitrine.asset.AssetService;
import io.vitrine.auth.Permission;
import io.vitrine.collection.Caller;
import io.vitrine.collection.Collection;
import io.vitrine.collection.CollectionException;
import io.vitrine.collection.CollectionService;
import io.vitrine.collection.ShareLink;
import io.vitrine.collection.ShareLinkService;
import io.vitrine.rights.Channel;
import io.vitrine.rights.Use;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Collection pages: the list, one collection with its share links, and the asset page's "add to collection" card. */
final class CollectionWebRoutes {
    private final CollectionService collections;
    private final ShareLinkService links;
    private final AssetService assets;
    private final WebAccess access;
    private final Pages pages;
    private final Clock clock;

    CollectionWebRoutes(CollectionService collections, ShareLinkService links, AssetService assets, WebAccess access, Pages pages,
            Clock clock) {
        this.collections = collections;
        this.links = links;
        this.assets = assets;
        this.access = access;
        this.pages = pages;
        this.clock = clock;
    }

    void list(Context ctx, Sessions.SignedIn who) {
        renderList(ctx, who, null);
    }

    void create(Context ctx, Sessions.SignedIn who) {
        try {
            Collection c = collections.create(caller(who), ctx.formParam("name"), null);
            access.record(who, "collection.create", c.id(), Map.of("via", "web"));
            ctx.redirect("/collections/" + c.id(), HttpStatus.SEE_OTHER);
        } catch (CollectionException e) {
            ctx.status(400);
            renderList(ctx, who, e.getMessage());
        }
    }

    void detail(Context ctx, Sessions.SignedIn who) {
        renderDetail(ctx, who, null, null);
    }

    void createLink(Context ctx, Sessions.SignedIn who) {
        try {
            Use use = use(ctx.formParam("channel"), ctx.formParam("region"));
            long days = parseDays(ctx.formParam("days"));
            String password = ctx.formParam("password");
            ShareLinkService.Created made = links.create(caller(who), ctx.pathParam("id"), new ShareLinkService.NewLink(use,
                    Duration.ofDays(days), password == null || password.isEmpty() ? null : password, "true".equals(ctx.formParam("download"))));
            access.record(who, "share-link.create", made.link().id(), Map.of("via", "web", "collection", ctx.pathParam("id"),
                    "channel", use.channel().apiName(), "region", use.region()));
            renderDetail(ctx, who, ctx.scheme() + "://" + ctx.host() + "/s/" + made.token(), null);
        } catch (CollectionException e) {
            if (e.kind() == CollectionException.Kind.NOT_FOUND) {
                throw e;
            }
            ctx.status(e.kind() == CollectionException.Kind.FORBIDDEN ? 403 : 400);
            renderDetail(ctx, who, null, e.getMessage());
        }
    }

    /** The asset page loads this card by itself, so the page does not wait for it. */
    void assetCard(Context ctx, Sessions.SignedIn who) {
        renderCard(ctx, who, access.visible(who, ctx.pathParam("id")), null);
    }

    void addAsset(Context ctx, Sessions.SignedIn who) {
        Asset a = access.visible(who, ctx.pathParam("id"));
        String target = Optional.ofNullable(ctx.formParam("collection")).orElse("");
        collections.addAssets(caller(who), target, List.of(a.id()), id -> id.equals(a.id()));
        access.record(who, "collection.assets.add", target, Map.of("via", "web", "asset", a.id()));
        if (ctx.header("HX-Request") == null) {
            ctx.redirect("/assets/" + a.id(), HttpStatus.SEE_OTHER);
            return;
        }
        renderCard(ctx, who, a, "Added.");
    }

    void removeAsset(Context ctx, Sessions.SignedIn who) {
        Asset a = access.visible(who, ctx.pathParam("id"));
        String from = ctx.pathParam("collection");
        collections.removeAsset(caller(who), from, a.id());
        access.record(who, "collection.assets.remove", from, Map.of("via", "web", "asset", a.id()));
        if (ctx.header("HX-Request") == null) {
            ctx.redirect("/assets/" + a.id(), HttpStatus.SEE_OTHER);
            return;
        }
        renderCard(ctx, who, a, "Removed.");
    }

    private void renderList(Context ctx, Sessions.SignedIn who, String error) {
        Caller c = caller(who);
        List<CollectionPages.Row> rows = collections.list(c).stream().map(x -> new CollectionPages.Row(x.id(), x.name(), x.description(),
                x.assetCount(), c.id().equals(x.ownerId()) ? "yours" : "shared with you")).toList();
        pages.render(ctx, "collections", new CollectionPages.ListPage(Chrome.of("Collections", who), rows, error));
    }

    private void renderDetail(Context ctx, Sessions.SignedIn who, String newLink, String error) {
        Caller c = caller(who);
        CollectionService.View v = collections.get(c, ctx.pathParam("id"), id -> access.sees(who, id));
        List<LibraryPage.Tile> tiles = v.assetIds().stream().map(assets::get).map(Tiles::of).toList();
        boolean canShare = who.principal().can(Permission.SHARE_LINK_CREATE) && v.right() != CollectionService.Right.VIEW;
        List<CollectionPages.LinkRow> rows = canShare ? links.list(c, v.collection().id()).stream().map(this::row).toList() : List.of();
        pages.render(ctx, "collection", new CollectionPages.DetailPage(Chrome.of(v.collection().name(), who), v.collection().id(),
                v.collection().name(), v.collection().description(), v.right().name().toLowerCase(Locale.ROOT), tiles, rows, newLink, error,
                canShare));
    }

    private void renderCard(Context ctx, Sessions.SignedIn who, Asset a, String message) {
        CollectionService.Placement p = collections.placement(caller(who), a.id());
        pages.render(ctx, "asset-collections", new CollectionPages.AssetCard(a.id(), who.session().csrf(),
                p.holding().stream().map(CollectionWebRoutes::option).toList(),
                p.removable().stream().map(Collection::id).collect(java.util.stream.Collectors.toSet()),
                p.addable().stream().map(CollectionWebRoutes::option).toList(), message));
    }

    private CollectionPages.LinkRow row(ShareLink l) {
        String state = l.revokedAt() != null ? "withdrawn" : l.activeAt(clock.instant()) ? "active" : "expired";
        return new CollectionPages.LinkRow(l.id(), l.use().channel().apiName() + " · " + l.use().region(),
                l.expiresAt().toString().substring(0, 10), l.download(), l.passwordProtected(), l.uses(), state);
    }

    private static CollectionPages.Option option(Collection c) {
        return new CollectionPages.Option(c.id(), c.name());
    }

    private Caller caller(Sessions.SignedIn who) {
        return collections.caller(who.principal());
    }

    private static Use use(String channel, String region) {
        Channel c = Channel.byApiName(channel == null ? "" : channel)
                .orElseThrow(() -> new CollectionException(CollectionException.Kind.INVALID, "choose what the link is used for"));
        String r = region == null ? "" : region.strip().toUpperCase(Locale.ROOT);
        if (!io.vitrine.auth.Regions.valid(r)) {
            throw new CollectionException(CollectionException.Kind.INVALID, "'" + r + "' is not an ISO 3166 region code such as DE or FR");
        }
        return new Use(c, r);
    }

    private static long parseDays(String days) {
        try {
            long d = Long.parseLong(days == null ? "7" : days.strip());
            if (d >= 1 && d <= 90) {
                return d;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new CollectionException(CollectionException.Kind.INVALID, "a link is valid for 1 to 90 days");
    }
}
