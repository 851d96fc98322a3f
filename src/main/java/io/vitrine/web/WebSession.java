package io.vitrine.web;

import java.time.Instant;

/** A signed-in browser: the API token that opened it (by id) and the CSRF token of its forms. */
public record WebSession(String idHash, String tokenId, String csrf, Instant createdAt, Instant expiresAt) {}
