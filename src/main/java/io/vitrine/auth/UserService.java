package io.vitrine.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Creates users and their tokens. A token is shown once and kept only as its hash; it expires
 * ({@link #DEFAULT_LIFETIME} unless asked otherwise, at most {@link #MAX_LIFETIME}) so a forgotten
 * token stops working on its own.
 */
public final class UserService {
    public static final Duration DEFAULT_LIFETIME = Duration.ofDays(90);
    public static final Duration MAX_LIFETIME = Duration.ofDays(730);

    private final UserRepository users;
    private final AuthService auth;
    private final Supplier<String> ids;
    private final Clock clock;

    public UserService(UserRepository users, AuthService auth, Supplier<String> ids, Clock clock) {
        this.users = users;
        this.auth = auth;
        this.ids = ids;
        this.clock = clock;
    }

    public record Created(String id, String token, Instant expiresAt) {}

    /** Throws {@link InvalidUserException} with a precise reason for a bad name, role, region or lifetime. */
    public Created create(NewUser request) {
        String name = request.name() == null ? "" : request.name().strip();
        if (name.isEmpty() || name.length() > 255) {
            throw new InvalidUserException("'name' must be 1 to 255 characters");
        }
        Set<String> roles = roles(request);
        Set<String> regions = regions(request);
        Duration lifetime = checkedLifetime(request.tokenLifetime());
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        User user = new User(ids.get(), name, roles, regions, now, null);
        String token = auth.newToken();
        ApiToken stored = new ApiToken(ids.get(), name, AuthService.hash(token), roles, regions, now, now.plus(lifetime), null);
        users.insert(user, stored);
        return new Created(user.id(), token, stored.expiresAt());
    }

    /** A user with her tokens, newest first (the hashes stay inside: callers show ids and dates only), and her provider identities. */
    public record Detail(User user, List<ApiToken> tokens, List<UserRepository.LinkedIdentity> identities) {}

    public List<User> list() {
        return users.list();
    }

    public Optional<Detail> get(String id) {
        return users.find(id).map(u -> new Detail(u, users.tokens(id), users.identities(id)));
    }

    /**
     * Cuts a user off at once: every token of hers is revoked, so her API calls and her web sessions
     * (which re-check their token on every request) stop now; she cannot sign in through a provider
     * again. Returns empty for an unknown user; revoking twice keeps the first date.
     */
    public Optional<Detail> revoke(String id) {
        if (users.find(id).isEmpty()) {
            return Optional.empty();
        }
        users.revoke(id, clock.instant().truncatedTo(ChronoUnit.MICROS));
        return get(id);
    }

    /** Another token for an existing user, with her current roles and regions; refused for a revoked user. */
    public Optional<Created> issueToken(String id, Duration requested) {
        Optional<User> found = users.find(id);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        User user = found.get();
        if (user.revoked()) {
            throw new UserRevokedException("user " + id + " was revoked on " + user.revokedAt() + "; she gets no new tokens");
        }
        Duration lifetime = checkedLifetime(requested);
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        String token = auth.newToken();
        ApiToken stored = new ApiToken(ids.get(), user.name(), AuthService.hash(token), user.roles(), user.regions(), now,
                now.plus(lifetime), null);
        users.addToken(id, stored);
        return Optional.of(new Created(id, token, stored.expiresAt()));
    }

    private static Duration checkedLifetime(Duration requested) {
        Duration lifetime = requested == null ? DEFAULT_LIFETIME : requested;
        if (lifetime.isNegative() || lifetime.isZero() || lifetime.compareTo(MAX_LIFETIME) > 0) {
            throw new InvalidUserException("'expiresIn' must be a positive duration of at most " + MAX_LIFETIME);
        }
        return lifetime;
    }

    private static Set<String> regions(NewUser request) {
        try {
            return Regions.parse(request.regions() == null ? Set.of() : request.regions());
        } catch (IllegalArgumentException e) {
            throw new InvalidUserException(e.getMessage());
        }
    }

    private static Set<String> roles(NewUser request) {
        if (request.roles() == null || request.roles().isEmpty()) {
            throw new InvalidUserException("'roles' must name at least one role");
        }
        Set<String> out = new HashSet<>();
        for (String r : request.roles()) {
            Role role = Role.byApiName(r).orElseThrow(() -> new InvalidUserException(
                    "unknown role '" + r + "'; roles are " + String.join(", ", java.util.Arrays.stream(Role.values()).map(Role::apiName).toList())));
            out.add(role.apiName());
        }
        return Set.copyOf(out);
    }
}
