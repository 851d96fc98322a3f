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
    private final SecureRandom random = new SecureRandom();

    public AuthService(TokenRepository tokens, Clock clock) {
        this.tokens = tokens;
        this.clock = clock;
    }

    public Optional<Principal> authenticate(String token) {
        if (token == null || token.isBlank() || token.length() > 512) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        return tokens.findByHash(hash(token)).filter(t -> t.activeAt(now)).map(ApiToken::principal);
    }

    /** The principal of a stored token that is still active (not revoked, not expired): web sessions re-check it on every request. */
    public Optional<Principal> activePrincipal(String tokenId) {
        return tokens.findById(tokenId).filter(t -> t.activeAt(clock.instant())).map(ApiToken::principal);
    }

    /**
     * Makes sure an administrator can get in: {@code configured} (from VITRINE_ADMIN_TOKEN) becomes
     * the bootstrap admin token; without it a token is generated only if no admin token exists yet.
     * Returns a newly generated token, to be shown once, or empty.
     */
    public Optional<String> bootstrapAdmin(String configured) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        if (configured != null) {
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

    String newToken() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return "vt_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String hash(String token) {
        return io.vitrine.common.Hashes.sha256Hex(token);
    }
}
