package io.vitrine.auth;

import java.time.Instant;
import java.util.Set;

/**
 * A person or system that holds tokens; her roles and regions are copied into each token she gets.
 * {@code revokedAt} non-null: she was cut off, every token and session of hers is dead.
 */
public record User(String id, String name, Set<String> roles, Set<String> regions, Instant createdAt, Instant revokedAt) {

    public boolean revoked() {
        return revokedAt != null;
    }
}
