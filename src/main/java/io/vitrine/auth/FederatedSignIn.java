package io.vitrine.auth;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Signs in someone an identity provider vouched for. Her (issuer, subject) is linked to one Vitrine
 * user, created at her first sign-in; her roles and regions come from the provider's claims again at
 * every sign-in, so a change at the provider takes effect at her next sign-in. Each sign-in gets a
 * token of its own that nobody ever sees (only its hash is stored): the web session is bound to it,
 * so revoking the user ends the session like any other token's.
 */
public final class FederatedSignIn {
    private final UserRepository users;
    private final ClaimMapping mapping;
    private final Supplier<String> ids;
    private final Clock clock;
    private final GroupRepository groups;
    private final SecureRandom random = new SecureRandom();

    public FederatedSignIn(UserRepository users, ClaimMapping mapping, Supplier<String> ids, Clock clock) {
        this(users, null, mapping, ids, clock);
    }

    /** {@code groups} null: the groups claim is not mapped. */
    public FederatedSignIn(UserRepository users, GroupRepository groups, ClaimMapping mapping, Supplier<String> ids, Clock clock) {
        this.users = users;
        this.groups = groups;
        this.mapping = mapping;
        this.ids = ids;
        this.clock = clock;
    }

    public sealed interface Outcome {}

    /** {@code tokenId}: the hidden token the session is bound to. */
    public record SignedIn(String tokenId, User user) implements Outcome {}

    public record Refused(String reason) implements Outcome {}

    public Outcome signIn(String issuer, String subject, Map<String, Object> claims, Duration lifetime) {
        Optional<User> linked = users.findByIdentity(issuer, subject);
        if (linked.isPresent() && linked.get().revoked()) {
            return new Refused("Your Vitrine account was revoked on " + linked.get().revokedAt().truncatedTo(ChronoUnit.SECONDS)
                    + ". Ask an administrator if you need access again.");
        }
        Set<String> roles = mapping.roles(claims);
        Set<String> groupNames = groups == null ? Set.of() : mapping.groups(claims);
        if (roles.isEmpty() && !groupsGiveRoles(groupNames)) {
            return new Refused("Your identity provider gives you no Vitrine role (claim '" + mapping.rolesClaim()
                    + "'). Ask an administrator to add you to a group that maps to one.");
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        String name = name(claims, subject);
        User user;
        if (linked.isPresent()) {
            User old = linked.get();
            user = new User(old.id(), name, roles, mapping.regions(claims), old.createdAt(), null);
            users.updateLinked(user, issuer, subject, now);
        } else {
            user = new User(ids.get(), name, roles, mapping.regions(claims), now, null);
            users.insertLinked(user, issuer, subject, now);
        }
        ApiToken token = new ApiToken(ids.get(), name, AuthService.hash(secret()), user.roles(), user.regions(),
                now, now.plus(lifetime), null);
        users.addToken(user.id(), token);
        if (groups != null) {
            groups.syncProviderGroups(user.id(), groupNames, now);
        }
        return new SignedIn(token.id(), user);
    }

    /** The principal behind a provider's access token: the linked, unrevoked user, with what her last sign-in gave her. */
    public Optional<Principal> principal(String issuer, String subject) {
        return users.findByIdentity(issuer, subject).filter(u -> !u.revoked())
                .map(u -> new Principal(u.id(), u.name(), u.roles(), u.regions()));
    }

    /** A user whose claims give no role may still sign in when a group the claims put her in gives one. */
    private boolean groupsGiveRoles(Set<String> names) {
        return !names.isEmpty() && groups.list().stream()
                .anyMatch(g -> (names.contains(g.name()) || names.contains(g.id())) && !g.roles().isEmpty());
    }

    private String secret() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return java.util.HexFormat.of().formatHex(bytes);
    }

    private static String name(Map<String, Object> claims, String subject) {
        for (String claim : new String[] {"name", "preferred_username", "email"}) {
            if (claims.get(claim) instanceof String s && !s.isBlank()) {
                return s.length() > 255 ? s.substring(0, 255) : s.strip();
            }
        }
        return subject.length() > 255 ? subject.substring(0, 255) : subject;
    }
}
