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
    private final io.vitrine.auth.IdentityProvider identityProvider;

    /** {@code external}: the identity provider to offer besides the token form and to sign out of, or null. */
    LoginRoutes(Sessions sessions, Guard guard, Pages pages, ExternalSignIn external) {
        this.sessions = sessions;
        this.guard = guard;
        this.pages = pages;
        this.identityProvider = external == null ? null : external.provider();
        this.provider = identityProvider == null ? null : identityProvider.displayName();
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

    /**
     * Ends the Vitrine session; for a session a provider opened, then sends the browser to the provider's
     * end-session endpoint (RP-initiated logout), which comes back to {@code /login}. Without one
     * advertised, or with the provider down, it is a local sign-out.
     */
    void signOut(Context ctx, Sessions.SignedIn who) {
        sessions.close(ctx.cookie(Guard.COOKIE));
        guard.setCookie(ctx, "", 0);
        String idToken = who.session().idToken();
        java.net.URI next = identityProvider == null || idToken == null ? null : identityProvider.logout(idToken).orElse(null);
        ctx.redirect(next == null ? "/login" : next.toString(), HttpStatus.SEE_OTHER);
    }
}
