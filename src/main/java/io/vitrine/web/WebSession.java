package io.vitrine.web;

import java.time.Instant;

/**
 * A signed-in browser: the API token that opened it (by id) and the CSRF token of its forms; for a
 * provider sign-in, the ID token, sent back as {@code id_token_hint} when she signs out.
 */
public record WebSession(String idHash, String tokenId, String csrf, Instant createdAt, Instant expiresAt, String idToken) {

    /** A session opened with a token (no provider, nothing to end there). */
    public WebSession(String idHash, String tokenId, String csrf, Instant createdAt, Instant expiresAt) {
        this(idHash, tokenId, csrf, createdAt, expiresAt, null);
    }
}
