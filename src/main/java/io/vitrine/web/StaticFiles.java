package io.vitrine.web;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;

/**
 * The UI's own CSS and scripts and htmx from its WebJar, from the classpath, by a fixed list of
 * names (nothing else on the classpath can be fetched). Public: the login page needs them.
 */
final class StaticFiles {
    private static final String HTMX = "/META-INF/resources/webjars/htmx.org/2.0.4/dist/htmx.min.js";
    private static final Map<String, String> FILES = Map.of(
            "app.css", "/web/app.css",
            "app.js", "/web/app.js",
            "upload.js", "/web/upload.js",
            "live.js", "/web/live.js",
            "live-lists.js", "/web/live-lists.js",
            "favicon.svg", "/web/favicon.svg",
            "htmx.min.js", HTMX);

    private final Map<String, byte[]> cache = new java.util.concurrent.ConcurrentHashMap<>();

    void serve(Context ctx) throws IOException {
        String name = ctx.pathParam("file");
        String resource = FILES.get(name);
        if (resource == null) {
            ctx.status(404).contentType("text/plain").result("not found");
            return;
        }
        byte[] body = cache.computeIfAbsent(resource, StaticFiles::load);
        ctx.header("Cache-Control", "public, max-age=3600");
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.contentType(contentType(name)).result(body);
    }

    private static String contentType(String name) {
        if (name.endsWith(".css")) {
            return "text/css; charset=utf-8";
        }
        return name.endsWith(".svg") ? "image/svg+xml" : "text/javascript; charset=utf-8";
    }

    private static byte[] load(String resource) {
        try (InputStream in = StaticFiles.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing UI resource " + resource);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
