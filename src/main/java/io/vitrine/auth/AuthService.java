package io.vitrine.auth;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;

/**
 * Bearer-token authentication. Tokens are 256-bit random strings; only their SHA-256 is stored, so
 * a database leak reveals no usable token (a fast hash is enough at that entropy).
 */
public final class AuthService {
    static final String BOOTSTRAP_ID = "bootstrap-admin";

    private final TokenRepository tokens;
    private final Clock clock;
    private final BearerVerifier external;
    private final java.util.function.UnaryOperator<Principal> grants;
    private final SecureRandom random = new SecureRandom();

    public AuthService(TokenRepository tokens, Clock clock) {
        this(tokens, clock, BearerVerifier.NONE);
    }

    /** {@code external} is asked about a bearer token that is not one of ours (a provider's JWT access token). */
    public AuthService(TokenRepository tokens, Clock clock, BearerVerifier external) {
        this(tokens, clock, external, java.util.function.UnaryOperator.identity());
    }

    /**
     * {@code grants} turns a token's principal into the effective one (her groups' roles, regions and
     * collections added, {@link GroupService#effective}); it runs on every request, so a group change
     * applies to the next one.
     */
    public AuthService(TokenRepository tokens, Clock clock, BearerVerifier external, java.util.function.UnaryOperator<Principal> grants) {
        this.tokens = tokens;
        this.clock = clock;
        this.external = external;
        this.grants = grants;
    }

    public Optional<Principal> authenticate(String token) {
        if (token == null || token.isBlank() || token.length() > 16_384) {
            return Optional.empty();
        }
        if (token.length() <= 512) {
            Instant now = clock.instant();
            Optional<ApiToken> ours = tokens.findByHash(hash(token));
            if (ours.isPresent()) {
                return ours.filter(t -> t.activeAt(now)).map(ApiToken::principal).map(grants);
            }
        }
        return external.verify(token).map(grants);
    }

    /**
     * The principal of a stored token that is still active (not revoked, not expired) and not
     * replaced since {@code openedAt}: web sessions re-check it on every request, so a session dies
     * with its token — also when the bootstrap token gets a new value under the same id.
     */
    public Optional<Principal> activePrincipal(String tokenId, Instant openedAt) {
        return tokens.findById(tokenId)
                .filter(t -> t.activeAt(clock.instant()) && !t.createdAt().isAfter(openedAt))
                .map(ApiToken::principal).map(grants);
    }

    /**
     * Makes sure an administrator can get in: {@code configured} (from VITRINE_ADMIN_TOKEN) becomes
     * the bootstrap admin token; without it a token is generated only if no admin token exists yet.
     * Returns a newly generated token, to be shown once, or empty.
     */
    public Optional<String> bootstrapAdmin(String configured) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        if (configured != null) {
            if (tokens.findById(BOOTSTRAP_ID).filter(t -> t.tokenHash().equals(hash(configured)) && t.activeAt(now)).isPresent()) {
                return Optional.empty(); // same value as before: its sessions stay valid across the restart
            }
            tokens.save(new ApiToken(BOOTSTRAP_ID, "bootstrap administrator", hash(configured),
                    Set.of(Principal.ADMIN), Set.of(), now, null, null));
            return Optional.empty();
        }
        if (tokens.anyActiveWithRole(Principal.ADMIN, now)) {
            return Optional.empty();
        }
        String token = newToken();
        tokens.save(new ApiToken(BOOTSTRAP_ID, "bootstrap administrator", hash(token), Set.of(Principal.ADMIN),
                Set.of(), now, null, null));
        return Optional.of(token);
    }

    /** A fresh random token (256 bits); callers keep only its {@link #hash}. */
    String newToken() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return "vt_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String hash(String token) {
        return io.vitrine.common.Hashes.sha256Hex(token);
    }
}
