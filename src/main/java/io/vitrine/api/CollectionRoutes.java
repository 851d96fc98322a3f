package io.vitrine.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import io.vitrine.collection.Caller;
import io.vitrine.collection.Collection;
import io.vitrine.collection.CollectionService;
import io.vitrine.collection.ShareLink;
import io.vitrine.collection.ShareLinkService;
import io.vitrine.rights.Use;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Collections (lightboxes), sharing them with colleagues, and share links for people without an account. */
final class CollectionRoutes {
    private final CollectionService collections;
    private final ShareLinkService links;
    private final Access access;
    private final ObjectMapper json;

    CollectionRoutes(CollectionService collections, ShareLinkService links, Access access, ObjectMapper json) {
        this.collections = collections;
        this.links = links;
        this.access = access;
        this.json = json;
    }

    record CollectionView(String id, String name, String description, String owner, Instant createdAt, Instant updatedAt,
            int assetCount) {
        static CollectionView of(Collection c) {
            return new CollectionView(c.id(), c.name(), c.description(), c.ownerId(), c.createdAt(), c.updatedAt(), c.assetCount());
        }
    }

    record MemberView(String userId, String access, Instant addedAt) {}

    record DetailView(String id, String name, String description, String owner, Instant createdAt, Instant updatedAt,
            String access, List<String> assets, List<MemberView> members) {}

    record LinkView(String id, String collectionId, String channel, String region, boolean download, boolean passwordProtected,
            Instant expiresAt, String createdBy, Instant createdAt, Instant revokedAt, long uses, Instant lastUsedAt) {
        static LinkView of(ShareLink l) {
            return new LinkView(l.id(), l.collectionId(), l.use().channel().apiName(), l.use().region(), l.download(),
                    l.passwordProtected(), l.expiresAt(), l.createdBy(), l.createdAt(), l.revokedAt(), l.uses(), l.lastUsedAt());
        }
    }

    void create(Context ctx) {
        JsonNode body = LicenceJson.read(json, ctx.body());
        Collection c = collections.create(caller(ctx), LicenceJson.text(body, "name"), LicenceJson.text(body, "description"));
        AuditTrail.target(ctx, c.id());
        ctx.status(201).header("Location", "/api/v1/collections/" + c.id()).json(Map.of("id", c.id()));
    }

    void list(Context ctx) {
        ctx.json(Map.of("items", collections.list(caller(ctx)).stream().map(CollectionView::of).toList()));
    }

    void get(Context ctx) {
        CollectionService.View v = collections.get(caller(ctx), ctx.pathParam("id"), id -> access.sees(ctx, id));
        Collection c = v.collection();
        ctx.json(new DetailView(c.id(), c.name(), c.description(), c.ownerId(), c.createdAt(), c.updatedAt(),
                v.right().name().toLowerCase(java.util.Locale.ROOT), v.assetIds(),
                v.members().stream().map(m -> new MemberView(m.userId(), m.access().apiName(), m.addedAt())).toList()));
    }

    void update(Context ctx) {
        JsonNode body = LicenceJson.read(json, ctx.body());
        body.fieldNames().forEachRemaining(f -> {
            if (!f.equals("name") && !f.equals("description")) {
                throw ApiException.badRequest("unknown field '" + Deliverer.abbreviate(f) + "'; a collection has name and description");
            }
        });
        collections.update(caller(ctx), ctx.pathParam("id"), LicenceJson.text(body, "name"), LicenceJson.text(body, "description"));
        get(ctx);
    }

    void delete(Context ctx) {
        collections.delete(caller(ctx), ctx.pathParam("id"));
        ctx.status(204);
    }

    void addAssets(Context ctx) {
        List<String> ids = assetIds(LicenceJson.read(json, ctx.body()));
        int added = collections.addAssets(caller(ctx), ctx.pathParam("id"), ids, id -> access.sees(ctx, id));
        AuditTrail.detail(ctx, "added", Integer.toString(added));
        ctx.json(Map.of("added", added));
    }

    void removeAsset(Context ctx) {
        collections.removeAsset(caller(ctx), ctx.pathParam("id"), ctx.pathParam("assetId"));
        ctx.status(204);
    }

    void share(Context ctx) {
        JsonNode body = LicenceJson.read(json, ctx.body());
        collections.share(caller(ctx), ctx.pathParam("id"), ctx.pathParam("userId"), LicenceJson.text(body, "access"));
        ctx.status(204);
    }

    void unshare(Context ctx) {
        collections.unshare(caller(ctx), ctx.pathParam("id"), ctx.pathParam("userId"));
        ctx.status(204);
    }

    /** The link's token is in the answer once; only its hash is kept. */
    void createLink(Context ctx) {
        JsonNode body = LicenceJson.read(json, ctx.body());
        Use use = Deliverer.use(LicenceJson.text(body, "channel"), LicenceJson.text(body, "region"));
        if (!use.isDistribution()) {
            throw ApiException.badRequest("a share link leaves Vitrine: state its 'channel' and 'region'");
        }
        JsonNode exp = body.get("expiresIn");
        if (exp != null && !exp.canConvertToLong()) {
            throw ApiException.badRequest("'expiresIn' must be a number of seconds");
        }
        JsonNode download = body.get("download");
        if (download != null && !download.isBoolean()) {
            throw ApiException.badRequest("'download' must be true or false");
        }
        ShareLinkService.Created created = links.create(caller(ctx), ctx.pathParam("id"), new ShareLinkService.NewLink(use,
                exp == null ? null : Duration.ofSeconds(exp.asLong()), LicenceJson.text(body, "password"),
                download != null && download.asBoolean()));
        AuditTrail.target(ctx, created.link().id());
        AuditTrail.detail(ctx, "collection", ctx.pathParam("id"));
        AuditTrail.detail(ctx, "channel", use.channel().apiName());
        AuditTrail.detail(ctx, "region", use.region());
        ctx.status(201).json(Map.of("id", created.link().id(), "url", ctx.scheme() + "://" + ctx.host() + "/s/" + created.token(),
                "expiresAt", created.link().expiresAt().toString()));
    }

    void listLinks(Context ctx) {
        ctx.json(Map.of("items", links.list(caller(ctx), ctx.pathParam("id")).stream().map(LinkView::of).toList()));
    }

    void revokeLink(Context ctx) {
        ShareLink l = links.revoke(caller(ctx), ctx.pathParam("id"));
        AuditTrail.detail(ctx, "collection", l.collectionId());
        ctx.status(204);
    }

    private Caller caller(Context ctx) {
        return collections.caller(Access.principal(ctx));
    }

    private static List<String> assetIds(JsonNode body) {
        JsonNode n = body.get("assetIds");
        if (n == null || !n.isArray() || n.isEmpty() || n.size() > CollectionService.MAX_ASSETS_PER_REQUEST) {
            throw ApiException.badRequest("'assetIds' must be an array of 1 to " + CollectionService.MAX_ASSETS_PER_REQUEST + " asset ids");
        }
        List<String> out = new ArrayList<>();
        n.forEach(v -> {
            if (!v.isTextual() || v.asText().length() > 64) {
                throw ApiException.badRequest("'assetIds' must be an array of asset ids");
            }
            out.add(v.asText());
        });
        return out;
    }
}
