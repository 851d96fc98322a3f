package io.vitrine.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.vitrine.events.EventLog;
import java.util.Arrays;
import java.util.List;

/**
 * {@code GET /api/v1/events}: the live event stream (server-sent events) for integrators. Each event
 * is the CloudEvents JSON a webhook would receive; who hears what, resuming and heartbeats are
 * {@link EventStream}'s, shared with the web UI's stream.
 */
final class EventStreamRoutes {
    private final EventStream stream;
    private final ObjectMapper json;

    EventStreamRoutes(EventStream stream, ObjectMapper json) {
        this.stream = stream;
        this.json = json;
    }

    void stream(Context ctx) throws InterruptedException {
        long timeout = seconds(ctx, "timeout", -1, 0, 86_400);
        long heartbeat = seconds(ctx, "heartbeat", 15, 1, 300);
        List<String> types = types(ctx.queryParam("types"));
        long lastId;
        try {
            lastId = EventStream.lastEventId(ctx);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(e.getMessage());
        }
        // a revoked token ends the request that carried it, not a stream already open: timeout bounds that
        stream.run(ctx, Access.principal(ctx), new EventStream.Options(types, lastId, heartbeat, timeout, true),
                e -> json.writeValueAsString(cloudEvent(e)), () -> true);
    }

    private ObjectNode cloudEvent(EventLog.Logged e) {
        ObjectNode ce = json.createObjectNode();
        ce.put("specversion", "1.0").put("id", e.event().id()).put("source", "urn:vitrine").put("type", "io.vitrine." + e.event().type());
        if (e.event().subject() != null) {
            ce.put("subject", e.event().subject());
        }
        ce.put("time", e.event().time().toString());
        ce.set("data", json.valueToTree(e.event().data()));
        return ce;
    }

    private static List<String> types(String raw) {
        if (raw == null || raw.isBlank()) {
            return List.of();
        }
        List<String> t = Arrays.stream(raw.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
        if (t.stream().anyMatch(s -> !s.matches("\\*|[a-z][a-z0-9.-]*(\\.\\*)?"))) {
            throw ApiException.badRequest("types must be event types or prefixes, comma-separated: asset.ready,asset.tags.*");
        }
        return t;
    }

    private static long seconds(Context ctx, String name, long def, long min, long max) {
        String v = ctx.queryParam(name);
        if (v == null || v.isBlank()) {
            return def;
        }
        try {
            long n = Long.parseLong(v.strip());
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException ignored) {
            // same answer as out of range
        }
        throw ApiException.badRequest(name + " must be a whole number of seconds from " + min + " to " + max);
    }
}
