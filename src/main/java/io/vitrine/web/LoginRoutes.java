package io.vitrine.web;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.Optional;

/** Sign in with an API token (a session cookie replaces it), sign out. */
final class LoginRoutes {
    private final Sessions sessions;
    private final Guard guard;
    private final Pages pages;
    private final String provider;

    /** {@code provider}: the display name of the identity provider to offer besides the token form, or null. */
    LoginRoutes(Sessions sessions, Guard guard, Pages pages, String provider) {
        this.sessions = sessions;
        this.guard = guard;
        this.pages = pages;
        this.provider = provider;
    }

    LoginPage page(String error) {
        return new LoginPage(error, provider);
    }

    void form(Context ctx) {
        if (guard.signedIn(ctx).isPresent()) {
            ctx.redirect("/", HttpStatus.SEE_OTHER);
            return;
        }
        pages.render(ctx, "login", page(null));
    }

    /** Cross-site posts are refused, so another site cannot sign a browser into its own session. */
    void signIn(Context ctx) {
        if ("cross-site".equals(ctx.header("Sec-Fetch-Site"))) {
            pages.error(ctx, 403, "Sign-in refused", "Sign in from Vitrine's own page.");
            return;
        }
        Optional<Sessions.Opened> opened = sessions.open(ctx.formParam("token"));
        if (opened.isEmpty()) {
            ctx.status(401);
            pages.render(ctx, "login", page("That token was not accepted. Check it and try again."));
            return;
        }
        guard.setCookie(ctx, opened.get().cookieValue(), (int) Sessions.LIFETIME.toSeconds());
        ctx.redirect("/", HttpStatus.SEE_OTHER);
    }

    void signOut(Context ctx, Sessions.SignedIn who) {
        sessions.close(ctx.cookie(Guard.COOKIE));
        guard.setCookie(ctx, "", 0);
        ctx.redirect("/login", HttpStatus.SEE_OTHER);
    }
}
