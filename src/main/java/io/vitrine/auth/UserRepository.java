package io.vitrine.auth;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Users, their tokens and the provider identities linked to them. Contract: {@link #insert} stores
 * the user and her first token atomically; {@link #revoke} marks the user and revokes every active
 * token of hers in one transaction, so no request sees half of it.
 */
public interface UserRepository {

    void insert(User user, ApiToken firstToken);

    Optional<User> find(String id);

    /** Oldest first. */
    List<User> list();

    void addToken(String userId, ApiToken token);

    /** Newest first. */
    List<ApiToken> tokens(String userId);

    void revoke(String userId, Instant at);

    /** A provider identity linked to a user. */
    record LinkedIdentity(String issuer, String subject, Instant linkedAt, Instant lastSignInAt) {}

    List<LinkedIdentity> identities(String userId);

    /** The user a provider's subject is linked to. */
    Optional<User> findByIdentity(String issuer, String subject);

    /** Creates the user and links the identity to her (first sign-in). */
    void insertLinked(User user, String issuer, String subject, Instant at);

    /** Re-applies what the provider now says (roles, regions, name) and notes the sign-in. */
    void updateLinked(User user, String issuer, String subject, Instant at);
}
