package io.vitrine.web;

import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.HttpStatus;
import io.javalin.http.SameSite;
import io.vitrine.audit.AuditService;
import io.vitrine.auth.FederatedSignIn;
import io.vitrine.auth.IdentityProvider;
import io.vitrine.auth.SignInException;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * "Sign in with {provider}": {@code GET /login/oidc} sends the browser to the provider, and the
 * provider sends it back to {@code GET /login/oidc/callback}. The attempt's state, nonce and PKCE
 * verifier stay on the server, found again through a short-lived cookie that only the browser which
 * started the attempt holds, and used once. Every failure is an error page; none opens a session.
 */
final class OidcRoutes {
    static final String COOKIE = "vitrine_oidc";
    private static final String PATH = "/login/oidc";
    private static final Duration PENDING_LIFETIME = Duration.ofMinutes(10);

    private final ExternalSignIn external;
    private final Sessions sessions;
    private final Guard guard;
    private final Pages pages;
    private final AuditService audit;
    private final Clock clock;

    OidcRoutes(ExternalSignIn external, Sessions sessions, Guard guard, Pages pages, AuditService audit, Clock clock) {
        this.external = external;
        this.sessions = sessions;
        this.guard = guard;
        this.pages = pages;
        this.audit = audit;
        this.clock = clock;
    }

    void start(Context ctx) {
        IdentityProvider.Authorization a;
        try {
            a = external.provider().begin();
        } catch (SignInException e) {
            pages.error(ctx, e.status(), "Sign-in is unavailable", e.getMessage());
            return;
        }
        String key = sessions.randomToken();
        java.time.Instant now = clock.instant();
        external.pending().save(Sessions.hash(key), a.pending(), now, now.plus(PENDING_LIFETIME));
        pendingCookie(ctx, key, (int) PENDING_LIFETIME.toSeconds());
        ctx.redirect(a.redirect().toString(), HttpStatus.SEE_OTHER);
    }

    void callback(Context ctx) {
        String key = ctx.cookie(COOKIE);
        pendingCookie(ctx, "", 0);
        Optional<IdentityProvider.Pending> pending = key == null || key.length() > 128 ? Optional.empty()
                : external.pending().take(Sessions.hash(key), clock.instant());
        if (pending.isEmpty()) {
            pages.error(ctx, 400, "This sign-in has expired",
                    "It was already used, took longer than ten minutes, or was started in another browser. Start again from the sign-in page.");
            return;
        }
        IdentityProvider.Identity who;
        try {
            who = external.provider().finish(ctx.queryParamMap(), pending.get());
        } catch (SignInException e) {
            audit.record("oidc", "user.sign-in.denied", null, Map.of("reason", abbreviate(e.getMessage())));
            pages.error(ctx, e.status(), "Sign-in failed", e.getMessage());
            return;
        }
        FederatedSignIn.Outcome outcome = external.signIn().signIn(who.issuer(), who.subject(), who.claims(), Sessions.LIFETIME);
        switch (outcome) {
            case FederatedSignIn.Refused r -> {
                audit.record("oidc " + who.subject(), "user.sign-in.denied", null, Map.of("issuer", who.issuer(),
                        "reason", abbreviate(r.reason())));
                pages.error(ctx, 403, "No access to Vitrine", r.reason());
            }
            case FederatedSignIn.SignedIn s -> {
                Sessions.Opened opened = sessions.openFor(s.tokenId(), who.idToken());
                audit.record(s.tokenId() + " (" + s.user().name() + ")", "user.sign-in", s.user().id(), Map.of(
                        "issuer", who.issuer(), "roles", String.join(",", s.user().roles()),
                        "regions", String.join(",", s.user().regions())));
                guard.setCookie(ctx, opened.cookieValue(), (int) Sessions.LIFETIME.toSeconds());
                ctx.redirect("/", HttpStatus.SEE_OTHER);
            }
        }
    }

    /** Lax, not Strict: the provider's redirect back is a cross-site top-level navigation that must carry it. */
    private static void pendingCookie(Context ctx, String value, int maxAge) {
        boolean secure = "https".equalsIgnoreCase(ctx.scheme()) || "https".equalsIgnoreCase(ctx.header("X-Forwarded-Proto"));
        ctx.cookie(new Cookie(COOKIE, value, PATH, maxAge, secure, 0, true, null, null, SameSite.LAX));
    }

    private static String abbreviate(String s) {
        return s == null ? "" : s.length() > 300 ? s.substring(0, 300) + "…" : s;
    }
}
