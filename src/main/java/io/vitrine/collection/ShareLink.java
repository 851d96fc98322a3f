package io.vitrine.collection;

import io.vitrine.rights.Use;
import java.time.Instant;

/**
 * A link that shows a collection to people without an account, for one stated use (channel and
 * region, checked against each asset's licences at every request) until it expires or is revoked.
 * Only the token's hash is stored; {@code passwordHash} null means no password.
 */
public record ShareLink(String id, String collectionId, String tokenHash, Use use, boolean download, String passwordHash,
        Instant expiresAt, String createdBy, Instant createdAt, Instant revokedAt, long uses, Instant lastUsedAt,
        int failedPasswords) {

    public boolean activeAt(Instant now) {
        return revokedAt == null && expiresAt.isAfter(now);
    }

    public boolean passwordProtected() {
        return passwordHash != null;
    }
}
