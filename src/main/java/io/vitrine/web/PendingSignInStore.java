package io.vitrine.web;

import io.vitrine.auth.IdentityProvider;
import java.time.Instant;
import java.util.Optional;

/**
 * Sign-ins on their way through the identity provider, keyed by the SHA-256 of a cookie only the
 * browser that started them holds. Contract: {@link #take} returns a stored, unexpired entry at most
 * once, even to concurrent callers, and removes it (a replayed callback finds nothing).
 */
public interface PendingSignInStore {

    /** Also forgets attempts that expired before {@code now}. */
    void save(String idHash, IdentityProvider.Pending pending, Instant now, Instant expiresAt);

    Optional<IdentityProvider.Pending> take(String idHash, Instant now);
}
