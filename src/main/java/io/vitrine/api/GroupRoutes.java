package io.vitrine.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import io.vitrine.auth.Group;
import io.vitrine.auth.GroupService;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Groups (admin): what they give their members and who is in them, and a user's own collection
 * attribute. Every change is audited; it applies to the members' next request.
 */
final class GroupRoutes {
    private static final Set<String> FIELDS = Set.of("name", "description", "roles", "regions", "collections");

    private final GroupService groups;
    private final ObjectMapper json;

    GroupRoutes(GroupService groups, ObjectMapper json) {
        this.groups = groups;
        this.json = json;
    }

    void create(Context ctx) {
        JsonNode body = body(ctx);
        Group g = groups.create(new GroupService.Draft(LicenceJson.text(body, "name"), LicenceJson.text(body, "description"),
                LicenceJson.strings(body, "roles"), LicenceJson.strings(body, "regions"), LicenceJson.strings(body, "collections")));
        AuditTrail.target(ctx, g.id());
        AuditTrail.detail(ctx, "name", g.name());
        ctx.status(201).json(view(g));
    }

    void list(Context ctx) {
        ctx.json(Map.of("groups", groups.list().stream().map(GroupRoutes::view).toList()));
    }

    void get(Context ctx) {
        Group g = groups.get(ctx.pathParam("id")).orElseThrow(() -> notFound(ctx));
        Map<String, Object> out = view(g);
        out.put("members", groups.members(g.id()).stream().map(m -> Map.of("userId", m.userId(), "name", m.name(),
                "source", m.source().name().toLowerCase(java.util.Locale.ROOT), "addedAt", m.addedAt().toString())).toList());
        ctx.json(out);
    }

    void update(Context ctx) {
        JsonNode body = body(ctx);
        JsonNode c = body.get("collections");
        GroupService.Change change = new GroupService.Change(LicenceJson.text(body, "name"), LicenceJson.text(body, "description"),
                optionalStrings(body, "roles"), optionalStrings(body, "regions"), optionalStrings(body, "collections"),
                c != null && (c.isNull() || (c.isArray() && c.isEmpty())));
        Group g = groups.update(ctx.pathParam("id"), change).orElseThrow(() -> notFound(ctx));
        body.fieldNames().forEachRemaining(f -> AuditTrail.detail(ctx, f, body.get(f).toString()));
        ctx.json(view(g));
    }

    void delete(Context ctx) {
        if (!groups.delete(ctx.pathParam("id"))) {
            throw notFound(ctx);
        }
        ctx.status(204);
    }

    void addMember(Context ctx) {
        if (!groups.addMember(ctx.pathParam("id"), ctx.pathParam("userId"))) {
            throw notFound(ctx);
        }
        ctx.status(204);
    }

    void removeMember(Context ctx) {
        groups.get(ctx.pathParam("id")).orElseThrow(() -> notFound(ctx));
        if (!groups.removeMember(ctx.pathParam("id"), ctx.pathParam("userId"))) {
            throw new ApiException(404, "not-found", "Not found", "user '" + Deliverer.abbreviate(ctx.pathParam("userId"))
                    + "' is not a member of group '" + Deliverer.abbreviate(ctx.pathParam("id")) + "'");
        }
        ctx.status(204);
    }

    /** {@code PATCH /api/v1/users/{id}}: her own collection attribute ({@code collections}: ids, or null/[] for none). */
    void updateUser(Context ctx) {
        JsonNode body = LicenceJson.read(json, ctx.body());
        body.fieldNames().forEachRemaining(f -> {
            if (!f.equals("collections")) {
                throw ApiException.badRequest("unknown user field '" + Deliverer.abbreviate(f) + "'; the field that can change is collections");
            }
        });
        if (!body.has("collections")) {
            throw ApiException.badRequest("send {\"collections\": [ids]} (null or [] lifts the restriction)");
        }
        if (!groups.setUserCollections(ctx.pathParam("id"), LicenceJson.strings(body, "collections"))) {
            throw new ApiException(404, "not-found", "Not found", "no user '" + Deliverer.abbreviate(ctx.pathParam("id")) + "'");
        }
        AuditTrail.detail(ctx, "collections", body.get("collections").toString());
        ctx.json(attributes(groups, ctx.pathParam("id")));
    }

    /** A user's own collection attribute and her groups, for the user views. */
    static Map<String, Object> attributes(GroupService groups, String userId) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", userId);
        Set<String> own = groups.userCollections(userId);
        out.put("collections", own == null ? null : new TreeSet<>(own));
        out.put("groups", groups.groupsOf(userId).stream().map(g -> Map.of("id", g.id(), "name", g.name())).toList());
        return out;
    }

    private JsonNode body(Context ctx) {
        JsonNode body = LicenceJson.read(json, ctx.body());
        body.fieldNames().forEachRemaining(f -> {
            if (!FIELDS.contains(f)) {
                throw ApiException.badRequest("unknown group field '" + Deliverer.abbreviate(f) + "'; fields are " + String.join(", ", new TreeSet<>(FIELDS)));
            }
        });
        return body;
    }

    private static List<String> optionalStrings(JsonNode body, String field) {
        return body.has(field) && !body.get(field).isNull() ? LicenceJson.strings(body, field) : null;
    }

    private static ApiException notFound(Context ctx) {
        return new ApiException(404, "not-found", "Not found", "no group '" + Deliverer.abbreviate(ctx.pathParam("id")) + "'");
    }

    static Map<String, Object> view(Group g) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", g.id());
        out.put("name", g.name());
        out.put("description", g.description());
        out.put("roles", new TreeSet<>(g.roles()));
        out.put("regions", new TreeSet<>(g.regions()));
        out.put("collections", g.collections() == null ? null : new TreeSet<>(g.collections()));
        out.put("createdAt", g.createdAt().toString());
        out.put("updatedAt", g.updatedAt().toString());
        return out;
    }
}
