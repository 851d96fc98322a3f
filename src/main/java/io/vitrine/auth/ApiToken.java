package io.vitrine.auth;

import java.time.Instant;
import java.util.Set;

/** A stored token: only its SHA-256 is kept, never the token itself. */
public record ApiToken(String id, String name, String tokenHash, Set<String> roles, Set<String> regions,
        Instant createdAt, Instant expiresAt, Instant revokedAt) {

    public boolean activeAt(Instant now) {
        return revokedAt == null && (expiresAt == null || expiresAt.isAfter(now));
    }

    public Principal principal() {
        return new Principal(id, name, roles, regions);
    }
}
