package io.vitrine.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import io.vitrine.audit.AuditEvent;
import io.vitrine.audit.AuditService;
import io.vitrine.auth.NewUser;
import io.vitrine.auth.UserService;
import java.io.IOException;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Users and the audit trail. */
final class AdminRoutes {
    private static final Set<String> USER_FIELDS = Set.of("name", "roles", "regions", "expiresIn");

    private final UserService users;
    private final AuditService audit;
    private final ObjectMapper json;

    AdminRoutes(Governance g, ObjectMapper json) {
        this.users = g.users();
        this.audit = g.audit();
        this.json = json;
    }

    void createUser(Context ctx) throws IOException {
        JsonNode body = json.readTree(ctx.body().isBlank() ? "{}" : ctx.body());
        body.fieldNames().forEachRemaining(f -> {
            if (!USER_FIELDS.contains(f)) {
                throw ApiException.badRequest("unknown user field '" + Deliverer.abbreviate(f) + "'; fields are name, roles, regions, expiresIn");
            }
        });
        UserService.Created u = users.create(new NewUser(LicenceJson.text(body, "name"), LicenceJson.strings(body, "roles"),
                LicenceJson.strings(body, "regions"), lifetime(LicenceJson.text(body, "expiresIn"))));
        AuditTrail.target(ctx, u.id());
        AuditTrail.detail(ctx, "roles", String.join(",", LicenceJson.strings(body, "roles")));
        AuditTrail.detail(ctx, "regions", String.join(",", LicenceJson.strings(body, "regions")));
        ctx.status(201).json(Map.of("id", u.id(), "token", u.token(), "expiresAt", u.expiresAt().toString()));
    }

    private static Duration lifetime(String iso) {
        try {
            return iso == null ? null : Duration.parse(iso);
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest("'expiresIn' must be an ISO-8601 duration such as P90D");
        }
    }

    void verify(Context ctx) {
        ctx.json(audit.verify());
    }

    /** JSON list by default; JSON lines with {@code format=jsonl} or {@code Accept: application/x-ndjson}. */
    void export(Context ctx) throws IOException {
        long after = cursor(ctx.queryParam("cursor"));
        int limit = Paging.limit(ctx);
        List<AuditEvent> events = audit.page(after, limit);
        String next = events.size() == limit ? Long.toString(events.getLast().seq()) : null;
        String accept = ctx.header("Accept");
        if ("jsonl".equals(ctx.queryParam("format")) || (accept != null && accept.contains("application/x-ndjson"))) {
            StringBuilder out = new StringBuilder();
            for (AuditEvent e : events) {
                out.append(json.writeValueAsString(e)).append('\n');
            }
            if (next != null) {
                ctx.header("X-Next-Cursor", next);
            }
            ctx.contentType("application/x-ndjson").result(out.toString());
            return;
        }
        ctx.json(new AuditPage(events, next));
    }

    private static long cursor(String c) {
        if (c == null || c.isBlank()) {
            return 0;
        }
        try {
            long v = Long.parseLong(c);
            if (v >= 0) {
                return v;
            }
        } catch (NumberFormatException ignored) {
            // same answer as a negative number
        }
        throw ApiException.badRequest("invalid cursor");
    }

    record AuditPage(List<AuditEvent> events, String nextCursor) {}
}
