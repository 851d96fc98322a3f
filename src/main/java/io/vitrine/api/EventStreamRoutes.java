package io.vitrine.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.vitrine.asset.AssetService;
import io.vitrine.auth.Principal;
import io.vitrine.events.EventFeed;
import io.vitrine.events.EventLog;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * {@code GET /api/v1/events}: the live event stream (server-sent events) for the UI. Each event is
 * the CloudEvents JSON a webhook would receive, sent only when the caller may see its asset (her
 * regions, checked per event); the SSE id is the log position, so a reconnecting browser resumes
 * with Last-Event-ID. Comments keep idle connections open; a client too slow to keep up is cut
 * off (it reconnects and resumes). Runs on a virtual thread, so a held connection costs little.
 */
final class EventStreamRoutes {
    private static final int BACKLOG = 1000;

    private final EventFeed feed;
    private final AssetService assets;
    private final ObjectMapper json;
    private final Access access;

    EventStreamRoutes(EventFeed feed, AssetService assets, ObjectMapper json, Access access) {
        this.feed = feed;
        this.assets = assets;
        this.json = json;
        this.access = access;
    }

    void stream(Context ctx) throws IOException, InterruptedException {
        long timeout = seconds(ctx, "timeout", -1, 0, 86_400);
        long heartbeat = seconds(ctx, "heartbeat", 15, 1, 300);
        List<String> types = types(ctx.queryParam("types"));
        long lastId = lastEventId(ctx);
        BlockingQueue<EventLog.Logged> queue = new ArrayBlockingQueue<>(BACKLOG);
        AtomicBoolean dropped = new AtomicBoolean();
        EventFeed.Listener listener = e -> {
            if (queue.offer(e)) {
                return true;
            }
            dropped.set(true); // too slow to keep up: the loop ends, the client reconnects with Last-Event-ID
            return false;
        };
        try (AutoCloseable listening = feed.listen(listener)) {
            Session session = new Session(open(ctx), Access.principal(ctx), types);
            if (lastId >= 0) {
                session.replay(feed.since(lastId, BACKLOG));
            }
            long start = System.nanoTime();
            long limit = timeout < 0 ? Long.MAX_VALUE : TimeUnit.SECONDS.toNanos(timeout);
            while (System.nanoTime() - start < limit && !dropped.get()) {
                long wait = Math.min(TimeUnit.SECONDS.toNanos(heartbeat), limit - (System.nanoTime() - start));
                session.live(queue.poll(Math.max(0, wait), TimeUnit.NANOSECONDS));
            }
        } catch (IOException gone) {
            // the client went away: nothing to answer
        } catch (Exception e) {
            throw e instanceof RuntimeException r ? r : new IllegalStateException(e);
        }
    }

    private static OutputStream open(Context ctx) throws IOException {
        HttpServletResponse res = ctx.res();
        res.setStatus(200);
        res.setContentType("text/event-stream;charset=utf-8");
        res.setHeader("Cache-Control", "no-cache");
        res.setHeader("X-Accel-Buffering", "no");
        OutputStream out = res.getOutputStream();
        write(out, ": vitrine event stream\nretry: 3000\n\n");
        return out;
    }

    /** One connected client. Events replayed from the log may come again live: those are sent once. */
    private final class Session {
        private final OutputStream out;
        private final Principal principal;
        private final List<String> types;
        private final Set<Long> replayed = new HashSet<>();

        Session(OutputStream out, Principal principal, List<String> types) {
            this.out = out;
            this.principal = principal;
            this.types = types;
        }

        void replay(List<EventLog.Logged> backlog) throws IOException {
            for (EventLog.Logged e : backlog) {
                replayed.add(e.seq());
                send(e);
            }
        }

        /** {@code e} null: nothing happened for a heartbeat's time. */
        void live(EventLog.Logged e) throws IOException {
            if (e == null) {
                write(out, ": heartbeat\n\n");
            } else if (!replayed.remove(e.seq())) {
                send(e);
            }
        }

        private void send(EventLog.Logged e) throws IOException {
            if (wanted(e, types) && visible(principal, e.event().subject())) {
                write(out, "id: " + e.seq() + "\nevent: " + e.event().type() + "\ndata: " + json.writeValueAsString(cloudEvent(e)) + "\n\n");
            }
        }
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

    private static boolean wanted(EventLog.Logged e, List<String> types) {
        String t = e.event().type();
        return types.isEmpty() || types.stream().anyMatch(p -> p.equals("*") || p.equals(t)
                || (p.endsWith(".*") && t.startsWith(p.substring(0, p.length() - 1))));
    }

    private boolean visible(Principal p, String subject) {
        if (p.hasRole(Principal.ADMIN)) {
            return true;
        }
        return subject != null && assets.findIncludingDeleted(subject).map(a -> access.sees(p, a)).orElse(false);
    }

    private static void write(OutputStream out, String s) throws IOException {
        out.write(s.getBytes(StandardCharsets.UTF_8));
        out.flush();
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

    private static long lastEventId(Context ctx) {
        String raw = ctx.header("Last-Event-ID") != null ? ctx.header("Last-Event-ID") : ctx.queryParam("lastEventId");
        if (raw == null || raw.isBlank()) {
            return -1;
        }
        try {
            return Math.max(0, Long.parseLong(raw.strip()));
        } catch (NumberFormatException e) {
            throw ApiException.badRequest("Last-Event-ID must be the id of an event this stream sent (a whole number)");
        }
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
