package io.vitrine.web;

import io.javalin.http.Context;
import io.vitrine.api.EventStream;
import io.vitrine.asset.Asset;
import io.vitrine.asset.AssetNotFoundException;
import io.vitrine.auth.Permission;
import io.vitrine.events.EventLog;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Live updates for signed-in browsers: {@code GET /events} is the API's event stream behind the
 * session cookie (same rule for who hears about which asset), and {@code GET /tiles?id=…} renders
 * the grid cards the page then swaps in. The browser only learns that something happened to an
 * asset; it fetches what it shows through the pages, so no event payload (comments, reasons) reaches
 * someone the page would not show it to.
 */
final class LiveRoutes {
    /**
     * Browsers open at most 6 connections per host over HTTP/1.1: a few tabs' streams must leave room
     * for pages. A new stream beyond this ends the session's oldest (at that one's next heartbeat):
     * usually the connection of a page already left, which the server only notices when it writes;
     * a tab still open resumes with Last-Event-ID and nothing is lost.
     */
    static final int STREAMS_PER_SESSION = 4;
    static final long HEARTBEAT_SECONDS = 15;
    /** A stream ends now and then and the browser resumes it: nothing is held open forever. */
    static final long STREAM_SECONDS = 30 * 60;
    static final int MAX_TILES = 100;

    private final EventStream stream;
    private final Guard guard;
    private final Sessions sessions;
    private final WebAccess access;
    private final Pages pages;
    private final Map<String, Deque<AtomicBoolean>> open = new ConcurrentHashMap<>();

    LiveRoutes(EventStream stream, Guard guard, Sessions sessions, WebAccess access, Pages pages) {
        this.stream = stream;
        this.guard = guard;
        this.sessions = sessions;
        this.access = access;
        this.pages = pages;
    }

    /** Plain statuses, not pages: an EventSource cannot show a page, and a redirect to /login would read as a broken stream. */
    void events(Context ctx) throws InterruptedException {
        Optional<Sessions.SignedIn> who = guard.signedIn(ctx);
        if (who.isEmpty()) {
            ctx.status(401).result("sign in first");
            return;
        }
        if (!who.get().principal().can(Permission.ASSET_READ)) {
            ctx.status(403).result("your roles do not grant " + Permission.ASSET_READ.apiName());
            return;
        }
        String key = who.get().session().idHash();
        AtomicBoolean superseded = acquire(key);
        try {
            String cookie = ctx.cookie(Guard.COOKIE);
            EventStream.Options o = new EventStream.Options(List.of("asset.*", "licence.expiring", "concept.taught"), lastEventId(ctx),
                    seconds(ctx, "heartbeat", HEARTBEAT_SECONDS, 300), seconds(ctx, "timeout", STREAM_SECONDS, STREAM_SECONDS), false);
            stream.run(ctx, who.get().principal(), o, LiveRoutes::data, () -> !superseded.get() && stillSignedIn(cookie));
        } finally {
            release(key, superseded);
        }
    }

    /** The grid cards of {@code id}s the person may see, in the order asked; ids she may not see are simply absent. */
    void tiles(Context ctx, Sessions.SignedIn who) {
        Set<String> ids = new LinkedHashSet<>();
        ctx.queryParams("id").stream().filter(io.vitrine.asset.Ids::looksValid).limit(MAX_TILES).forEach(ids::add);
        List<LibraryPage.Tile> tiles = new ArrayList<>();
        for (String id : ids) {
            try {
                Asset a = access.visible(who, id);
                tiles.add(Tiles.of(a));
            } catch (AssetNotFoundException gone) {
                // deleted, or not hers to see: the page drops its card
            }
        }
        pages.render(ctx, "tiles", new LibraryPage(Chrome.of("Library", who), "", "newest", tiles.size(), true, tiles, List.of(), null));
    }

    /** Signed out, revoked or expired ends the stream; so does a database that cannot say (the browser comes back). */
    private boolean stillSignedIn(String cookie) {
        try {
            return sessions.resolve(cookie).isPresent();
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** Counts the new stream in; beyond the bound the oldest is told to end. Returns the new stream's "superseded" flag. */
    private AtomicBoolean acquire(String key) {
        AtomicBoolean mine = new AtomicBoolean();
        open.compute(key, (k, streams) -> {
            Deque<AtomicBoolean> d = streams == null ? new ArrayDeque<>() : streams;
            d.addLast(mine);
            while (d.size() > STREAMS_PER_SESSION) {
                d.pollFirst().set(true);
            }
            return d;
        });
        return mine;
    }

    private void release(String key, AtomicBoolean mine) {
        open.computeIfPresent(key, (k, d) -> {
            d.remove(mine);
            return d.isEmpty() ? null : d;
        });
    }

    /** A garbled Last-Event-ID (no browser sends one) starts afresh rather than failing the stream. */
    private static long lastEventId(Context ctx) {
        try {
            return EventStream.lastEventId(ctx);
        } catch (IllegalArgumentException e) {
            return -1;
        }
    }

    /** As in the API, {@code heartbeat} and {@code timeout} may be asked for (1 s up to {@code max}); anything else means the default. */
    private static long seconds(Context ctx, String name, long def, long max) {
        String v = ctx.queryParam(name);
        if (v != null && v.matches("[0-9]{1,6}")) {
            long n = Long.parseLong(v);
            return n >= 1 && n <= max ? n : def;
        }
        return def;
    }

    /** What happened to which asset; the page asks for the rest. */
    private static String data(EventLog.Logged e) {
        return "{\"type\":\"" + jsonText(e.event().type()) + "\",\"subject\":\"" + jsonText(e.event().subject()) + "\"}";
    }

    private static String jsonText(String s) {
        StringBuilder b = new StringBuilder();
        for (char c : String.valueOf(s).toCharArray()) {
            if (c == '"' || c == '\\') {
                b.append('\\').append(c);
            } else if (c < 0x20 || c == 0x2028 || c == 0x2029) {
                b.append(String.format(java.util.Locale.ROOT, "\\u%04x", (int) c));
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }
}
