package io.vitrine.api;

import io.javalin.http.Context;
import io.vitrine.asset.Asset;
import io.vitrine.asset.AssetService;
import io.vitrine.auth.Principal;
import io.vitrine.events.EventFeed;
import io.vitrine.events.EventLog;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;

/**
 * One server-sent event stream, for the API ({@code GET /api/v1/events}) and the web UI ({@code GET
 * /events}) alike: an event is sent only when the caller may see its asset (her regions, and for a
 * partner outside the company only released assets, checked per event), the SSE id is the log
 * position so a reconnecting client resumes with Last-Event-ID, comments keep idle connections open,
 * and a client too slow to keep up is cut off (it reconnects and resumes). It blocks the request's
 * virtual thread, so a held connection costs little.
 */
public final class EventStream {
    private static final int BACKLOG = 1000;
    /** Events whose subject is a concept id: the vocabulary is the same in every region. */
    static final String CONCEPT_EVENTS = "concept.";

    private final EventFeed feed;
    private final AssetService assets;
    private final Predicate<Asset> released;
    private final java.util.function.Function<String, Set<String>> collectionsOf;

    /**
     * How one connection runs: which types, from where, how often to say it is alive, for how long at
     * most, and whether each event is named by its type ({@code event:} line; a browser's
     * {@code onmessage} hears only unnamed ones, so the web UI puts the type in the data instead).
     */
    public record Options(List<String> types, long lastEventId, long heartbeatSeconds, long timeoutSeconds, boolean named) {
        public Options {
            types = List.copyOf(types);
        }
    }

    /** What one event's {@code data:} line carries (the API: the CloudEvent; the browser: less). */
    @FunctionalInterface
    public interface Format {
        String data(EventLog.Logged e) throws IOException;
    }

    /**
     * {@code released}: whether an asset may be seen by partners outside the company (approved or published);
     * {@code collectionsOf}: the collections an asset is in, asked only for people limited to collections.
     */
    public EventStream(EventFeed feed, AssetService assets, Predicate<Asset> released,
            java.util.function.Function<String, Set<String>> collectionsOf) {
        this.feed = feed;
        this.assets = assets;
        this.released = released;
        this.collectionsOf = collectionsOf;
    }

    /**
     * Streams until the client goes away, {@code timeoutSeconds} pass (negative: never), the client
     * falls behind, or {@code stillAllowed} (asked at each heartbeat) says the caller's sign-in ended.
     */
    public void run(Context ctx, Principal who, Options o, Format format, BooleanSupplier stillAllowed) throws InterruptedException {
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
            Connection c = new Connection(open(ctx), who, o, format);
            if (o.lastEventId() >= 0) {
                c.replay(feed.since(o.lastEventId(), BACKLOG));
            }
            long start = System.nanoTime();
            long limit = o.timeoutSeconds() < 0 ? Long.MAX_VALUE : TimeUnit.SECONDS.toNanos(o.timeoutSeconds());
            long beat = TimeUnit.SECONDS.toNanos(o.heartbeatSeconds());
            while (System.nanoTime() - start < limit && !dropped.get()) {
                EventLog.Logged e = queue.poll(Math.max(0, Math.min(beat, limit - (System.nanoTime() - start))), TimeUnit.NANOSECONDS);
                if (e == null && !stillAllowed.getAsBoolean()) {
                    return;
                }
                c.live(e);
            }
        } catch (IOException gone) {
            // the client went away: nothing to answer
        } catch (InterruptedException e) {
            throw e;
        } catch (Exception e) {
            throw e instanceof RuntimeException r ? r : new IllegalStateException(e);
        }
    }

    /**
     * Who hears an event: one about a concept (the shared vocabulary, e.g. {@code concept.taught}) whoever may
     * read concepts; one about an asset as {@link #sees(Principal, String)} says.
     */
    public boolean sees(Principal p, io.vitrine.events.Event e) {
        if (e.type().startsWith(CONCEPT_EVENTS)) {
            return p.can(io.vitrine.auth.Permission.ASSET_READ);
        }
        return sees(p, e.subject()) || sawThroughCollectionLeft(p, e);
    }

    /**
     * Taken out of a collection, an asset leaves the sight of people limited to that collection, yet they are the
     * ones whose open collection page must drop it: the removal still reaches those it was visible to through it.
     */
    private boolean sawThroughCollectionLeft(Principal p, io.vitrine.events.Event e) {
        Set<String> hers = p.visibleCollections();
        Object left = e.data().get("collection");
        return io.vitrine.events.Events.ASSET_COLLECTION_REMOVED.equals(e.type()) && hers != null && left != null
                && hers.contains(left.toString()) && e.subject() != null && assets.findIncludingDeleted(e.subject())
                        .map(a -> p.sees(a.regions()) && (!p.outsider() || released.test(a))).orElse(false);
    }

    /** The one rule for who hears about an asset: admins about all, others as {@code Access.visible} lets them see it (regions, collections, released). */
    public boolean sees(Principal p, String subject) {
        if (p.hasRole(Principal.ADMIN)) {
            return true;
        }
        // a deleted asset's events still reach those who saw it, so their pages can drop it
        return subject != null && assets.findIncludingDeleted(subject)
                .map(a -> p.sees(a.regions(), () -> collectionsOf.apply(a.id())) && (!p.outsider() || released.test(a))).orElse(false);
    }

    /** Whether an event of type {@code t} is wanted: no patterns = all; {@code *}, exact types and {@code prefix.*}. */
    public static boolean wanted(String t, List<String> types) {
        return types.isEmpty() || types.stream().anyMatch(p -> p.equals("*") || p.equals(t)
                || (p.endsWith(".*") && t.startsWith(p.substring(0, p.length() - 1))));
    }

    /** The Last-Event-ID header (or {@code lastEventId} query parameter, for clients that cannot set headers); -1 when absent. */
    public static long lastEventId(Context ctx) {
        String raw = ctx.header("Last-Event-ID") != null ? ctx.header("Last-Event-ID") : ctx.queryParam("lastEventId");
        if (raw == null || raw.isBlank()) {
            return -1;
        }
        try {
            return Math.max(0, Long.parseLong(raw.strip()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Last-Event-ID must be the id of an event this stream sent (a whole number)");
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
    private final class Connection {
        private final OutputStream out;
        private final Principal principal;
        private final Options options;
        private final Format format;
        private final Set<Long> replayed = new HashSet<>();

        Connection(OutputStream out, Principal principal, Options options, Format format) {
            this.out = out;
            this.principal = principal;
            this.options = options;
            this.format = format;
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
            if (wanted(e.event().type(), options.types()) && sees(principal, e.event())) {
                String name = options.named() ? "\nevent: " + e.event().type() : "";
                write(out, "id: " + e.seq() + name + "\ndata: " + format.data(e) + "\n\n");
            }
        }
    }

    private static void write(OutputStream out, String s) throws IOException {
        out.write(s.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }
}
