package io.vitrine.auth;

import java.util.Optional;

/** Accepts bearer tokens Vitrine did not issue itself (an OpenID provider's JWT access tokens). */
@FunctionalInterface
public interface BearerVerifier {
    BearerVerifier NONE = token -> Optional.empty();

    /** The caller the token names, or empty if it is not valid here; never throws for a bad token. */
    Optional<Principal> verify(String token);
}
