package io.vitrine.auth;

import java.util.Optional;

/** Stored API tokens, looked up by hash. Contract: hashes are unique; {@link #save} replaces by id. */
public interface TokenRepository {

    Optional<ApiToken> findByHash(String tokenHash);

    Optional<ApiToken> findById(String id);

    void save(ApiToken token);

    boolean anyActiveWithRole(String role, java.time.Instant now);
}
