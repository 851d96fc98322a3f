package io.vitrine.web;

import java.time.Instant;
import java.util.Optional;

/**
 * Server-side web sessions, keyed by the SHA-256 of the cookie value. Contract: {@link #find} returns
 * only what {@link #save} stored and {@link #delete} did not remove; expired rows may still be
 * returned (the caller checks expiry) until {@link #deleteExpired} runs.
 */
public interface SessionStore {

    void save(WebSession session);

    Optional<WebSession> find(String idHash);

    void delete(String idHash);

    void deleteExpired(Instant now);
}
