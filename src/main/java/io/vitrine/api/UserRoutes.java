package io.vitrine.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import io.vitrine.auth.ApiToken;
import io.vitrine.auth.User;
import io.vitrine.auth.UserService;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Listing users, looking at one with her tokens, revoking her (every token and web session at once)
 * and issuing her another token. Token hashes never leave the server; a token is shown once, when issued.
 */
final class UserRoutes {
    private final UserService users;
    private final io.vitrine.auth.GroupService groups;
    private final ObjectMapper json;

    UserRoutes(Governance g, ObjectMapper json) {
        this.users = g.users();
        this.groups = g.groups();
        this.json = json;
    }

    void list(Context ctx) {
        ctx.json(Map.of("users", users.list().stream().map(UserRoutes::view).toList()));
    }

    void get(Context ctx) {
        UserService.Detail d = users.get(ctx.pathParam("id")).orElseThrow(() -> notFound(ctx));
        Map<String, Object> out = detail(d);
        Map<String, Object> attributes = GroupRoutes.attributes(groups, d.user().id());
        out.put("collections", attributes.get("collections"));
        out.put("groups", attributes.get("groups"));
        ctx.json(out);
    }

    void revoke(Context ctx) {
        UserService.Detail d = users.revoke(ctx.pathParam("id")).orElseThrow(() -> notFound(ctx));
        AuditTrail.detail(ctx, "tokens", Integer.toString(d.tokens().size()));
        ctx.json(detail(d));
    }

    void issueToken(Context ctx) throws IOException {
        JsonNode body = json.readTree(ctx.body().isBlank() ? "{}" : ctx.body());
        body.fieldNames().forEachRemaining(f -> {
            if (!f.equals("expiresIn")) {
                throw ApiException.badRequest("unknown token field '" + Deliverer.abbreviate(f) + "'; the only field is expiresIn");
            }
        });
        Duration lifetime = lifetime(LicenceJson.text(body, "expiresIn"));
        UserService.Created c = users.issueToken(ctx.pathParam("id"), lifetime).orElseThrow(() -> notFound(ctx));
        AuditTrail.detail(ctx, "expiresAt", c.expiresAt().toString());
        ctx.status(201).json(Map.of("id", c.id(), "token", c.token(), "expiresAt", c.expiresAt().toString()));
    }

    private static Duration lifetime(String iso) {
        try {
            return iso == null ? null : Duration.parse(iso);
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest("'expiresIn' must be an ISO-8601 duration such as P90D");
        }
    }

    private static ApiException notFound(Context ctx) {
        return new ApiException(404, "not-found", "Not found", "no user '" + Deliverer.abbreviate(ctx.pathParam("id")) + "'");
    }

    private static Map<String, Object> view(User u) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", u.id());
        out.put("name", u.name());
        out.put("roles", new TreeSet<>(u.roles()));
        out.put("regions", new TreeSet<>(u.regions()));
        out.put("createdAt", u.createdAt().toString());
        out.put("revokedAt", u.revokedAt() == null ? null : u.revokedAt().toString());
        return out;
    }

    private static Map<String, Object> detail(UserService.Detail d) {
        Map<String, Object> out = view(d.user());
        Instant now = Instant.now();
        List<Map<String, Object>> tokens = d.tokens().stream().map(t -> token(t, now)).toList();
        out.put("tokens", tokens);
        out.put("identities", d.identities().stream().map(i -> Map.of("issuer", i.issuer(), "subject", i.subject(),
                "linkedAt", i.linkedAt().toString(), "lastSignInAt", i.lastSignInAt().toString())).toList());
        return out;
    }

    private static Map<String, Object> token(ApiToken t, Instant now) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", t.id());
        out.put("createdAt", t.createdAt().toString());
        out.put("expiresAt", t.expiresAt() == null ? null : t.expiresAt().toString());
        out.put("revokedAt", t.revokedAt() == null ? null : t.revokedAt().toString());
        out.put("active", t.activeAt(now));
        return out;
    }
}
