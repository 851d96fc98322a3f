package io.vitrine.web;

import io.vitrine.auth.AuthService;
import io.vitrine.auth.Principal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Optional;

/**
 * Signs browsers in with an API token (or, through {@link OidcRoutes}, with an identity provider) and
 * keeps them signed in with a random session id. The cookie carries only that id; the store keeps its
 * hash, the token's id and a CSRF token. Each request re-checks the token, so revoking or expiring it
 * — or giving the bootstrap token a new value — signs its browsers out.
 */
public final class Sessions {
    static final Duration LIFETIME = Duration.ofHours(12);
    static final int MAX_ID_TOKEN = 16_384;

    private final SessionStore store;
    private final AuthService auth;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public Sessions(SessionStore store, AuthService auth, Clock clock) {
        this.store = store;
        this.auth = auth;
        this.clock = clock;
    }

    /** A new session, returned with the cookie value that names it, or empty for a bad token. */
    Optional<Opened> open(String token) {
        Optional<Principal> principal = auth.authenticate(token);
        if (principal.isEmpty() || !principal.get().tokenId().equals(storedTokenId(principal.get()))) {
            return Optional.empty();
        }
        return Optional.of(openFor(principal.get().tokenId()));
    }

    /** A provider's access token has no stored token to bind a session to: only Vitrine's own tokens open sessions. */
    private String storedTokenId(Principal p) {
        return auth.activePrincipal(p.tokenId(), clock.instant()).map(Principal::tokenId).orElse(null);
    }

    /** A new session bound to the stored token {@code tokenId} (an identity provider's sign-in makes one). */
    Opened openFor(String tokenId) {
        return openFor(tokenId, null);
    }

    /** {@code idToken}: the provider's ID token, for ending her provider session at sign-out (too long a one is not kept). */
    Opened openFor(String tokenId, String idToken) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        store.deleteExpired(now);
        String id = randomToken();
        WebSession s = new WebSession(hash(id), tokenId, randomToken(), now, now.plus(LIFETIME),
                idToken != null && idToken.length() <= MAX_ID_TOKEN ? idToken : null);
        store.save(s);
        return new Opened(id, s);
    }

    Optional<SignedIn> resolve(String cookieValue) {
        if (cookieValue == null || cookieValue.isBlank() || cookieValue.length() > 128) {
            return Optional.empty();
        }
        return store.find(hash(cookieValue))
                .filter(s -> s.expiresAt().isAfter(clock.instant()))
                .flatMap(s -> auth.activePrincipal(s.tokenId(), s.createdAt()).map(p -> new SignedIn(s, p)));
    }

    void close(String cookieValue) {
        if (cookieValue != null && cookieValue.length() <= 128) {
            store.delete(hash(cookieValue));
        }
    }

    /** Compares in constant time, so response timing does not reveal how much of a guess was right. */
    static boolean csrfMatches(WebSession s, String offered) {
        return offered != null && MessageDigest.isEqual(s.csrf().getBytes(StandardCharsets.UTF_8),
                offered.getBytes(StandardCharsets.UTF_8));
    }

    String randomToken() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String hash(String value) {
        return io.vitrine.common.Hashes.sha256Hex(value);
    }

    record Opened(String cookieValue, WebSession session) {}

    record SignedIn(WebSession session, Principal principal) {}
}
