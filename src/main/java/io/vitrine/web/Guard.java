package io.vitrine.web;

import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.Handler;
import io.javalin.http.SameSite;
import java.util.Optional;

/**
 * Every web route goes through here: {@link #page} needs a signed-in browser, {@link #action} also
 * needs the session's CSRF token (form field {@code _csrf} or header {@code X-CSRF-Token}, which
 * htmx and the upload script send). The API is untouched: it keeps bearer tokens only.
 */
final class Guard {
    static final String COOKIE = "vitrine_session";
    static final String CSRF_FIELD = "_csrf";
    static final String CSRF_HEADER = "X-CSRF-Token";

    private final Sessions sessions;
    private final Pages pages;

    Guard(Sessions sessions, Pages pages) {
        this.sessions = sessions;
        this.pages = pages;
    }

    interface SignedInHandler {
        void handle(Context ctx, Sessions.SignedIn who) throws Exception;
    }

    /** A page that also needs {@code permission}; without it the user gets a 403 page naming it. */
    Handler page(io.vitrine.auth.Permission permission, SignedInHandler h) {
        return page((ctx, who) -> {
            requirePermission(who, permission);
            h.handle(ctx, who);
        });
    }

    Handler action(io.vitrine.auth.Permission permission, SignedInHandler h) {
        return action((ctx, who) -> {
            requirePermission(who, permission);
            h.handle(ctx, who);
        });
    }

    private static void requirePermission(Sessions.SignedIn who, io.vitrine.auth.Permission permission) {
        if (!who.principal().can(permission)) {
            throw new WebAccess.Forbidden(permission);
        }
    }

    Handler page(SignedInHandler h) {
        return pages.safely(ctx -> {
            Optional<Sessions.SignedIn> who = signedIn(ctx);
            if (who.isEmpty()) {
                toLogin(ctx);
                return;
            }
            h.handle(ctx, who.get());
        });
    }

    Handler action(SignedInHandler h) {
        return page((ctx, who) -> {
            String offered = ctx.header(CSRF_HEADER) != null ? ctx.header(CSRF_HEADER) : formCsrf(ctx);
            if (!Sessions.csrfMatches(who.session(), offered)) {
                pages.error(ctx, 403, "This form has expired", "Reload the page and try again.");
                return;
            }
            h.handle(ctx, who);
        });
    }

    Optional<Sessions.SignedIn> signedIn(Context ctx) {
        return sessions.resolve(ctx.cookie(COOKIE));
    }

    /** A multipart body must not be parsed as a form here: the upload route streams it itself. */
    private static String formCsrf(Context ctx) {
        String type = ctx.contentType();
        return type != null && type.startsWith("application/x-www-form-urlencoded") ? ctx.formParam(CSRF_FIELD) : null;
    }

    /** htmx follows HX-Redirect with a full page load; a plain 302 would be swapped into the page. */
    private static void toLogin(Context ctx) {
        if (ctx.header("HX-Request") != null) {
            ctx.status(401).header("HX-Redirect", "/login");
        } else if (ctx.method().name().equals("GET")) {
            ctx.redirect("/login", io.javalin.http.HttpStatus.SEE_OTHER);
        } else {
            ctx.status(401).result("sign in first");
        }
    }

    void setCookie(Context ctx, String value, int maxAgeSeconds) {
        Cookie c = new Cookie(COOKIE, value, "/", maxAgeSeconds, secure(ctx), 0, true, null, null, SameSite.LAX);
        ctx.cookie(c);
    }

    /** Behind a TLS-terminating proxy the scheme arrives as X-Forwarded-Proto. */
    private static boolean secure(Context ctx) {
        return "https".equalsIgnoreCase(ctx.scheme()) || "https".equalsIgnoreCase(ctx.header("X-Forwarded-Proto"));
    }
}
