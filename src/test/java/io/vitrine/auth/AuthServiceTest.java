package io.vitrine.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.vitrine.auth.jdbc.JdbiTokenRepository;
import io.vitrine.db.Database;
import io.vitrine.db.TestDatabases;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

/** AuthService over the real token table on H2. */
class AuthServiceTest {
    private static final Instant NOW = Instant.parse("2025-06-01T12:00:00Z");

    private Database db;
    private TokenRepository tokens;
    private AuthService auth;

    @BeforeEach
    void open() {
        db = TestDatabases.fresh("h2");
        tokens = new JdbiTokenRepository(db.handles());
        auth = new AuthService(tokens, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void a_configured_admin_token_authenticates_as_the_bootstrap_administrator() {
        assertThat(auth.bootstrapAdmin("s3cret-admin-token")).isEmpty();

        Principal p = auth.authenticate("s3cret-admin-token").orElseThrow();
        assertThat(p.tokenId()).isEqualTo(AuthService.BOOTSTRAP_ID);
        assertThat(p.hasRole(Principal.ADMIN)).isTrue();
        assertThat(auth.authenticate("s3cret-admin-tokeN")).isEmpty();
    }

    @Test
    void a_web_session_of_the_bootstrap_token_survives_a_restart_with_the_same_value_but_not_a_new_value() {
        auth.bootstrapAdmin("first-token");
        Instant sessionOpened = NOW.plusSeconds(3600);
        AuthService restarted = new AuthService(tokens, Clock.fixed(NOW.plusSeconds(7200), ZoneOffset.UTC));
        restarted.bootstrapAdmin("first-token");
        assertThat(restarted.activePrincipal(AuthService.BOOTSTRAP_ID, sessionOpened)).isPresent();

        restarted.bootstrapAdmin("second-token");
        assertThat(restarted.activePrincipal(AuthService.BOOTSTRAP_ID, sessionOpened)).isEmpty();
        assertThat(restarted.activePrincipal(AuthService.BOOTSTRAP_ID, NOW.plusSeconds(7300))).isPresent();
    }

    @Test
    void a_changed_configured_token_replaces_the_old_one() {
        auth.bootstrapAdmin("first-token");
        auth.bootstrapAdmin("second-token");

        assertThat(auth.authenticate("first-token")).isEmpty();
        assertThat(auth.authenticate("second-token")).isPresent();
    }

    @Test
    void only_the_hash_of_a_token_is_stored() {
        auth.bootstrapAdmin("plain-token-value");

        ApiToken stored = tokens.findById(AuthService.BOOTSTRAP_ID).orElseThrow();
        assertThat(stored.tokenHash()).isEqualTo(AuthService.hash("plain-token-value")).doesNotContain("plain");
    }

    @Test
    void without_a_configured_token_one_is_generated_once_and_authenticates() {
        Optional<String> generated = auth.bootstrapAdmin(null);
        Optional<String> second = auth.bootstrapAdmin(null);

        assertThat(generated).hasValueSatisfying(t -> assertThat(t).startsWith("vt_").hasSizeGreaterThan(40));
        assertThat(second).as("shown once: an admin token already exists").isEmpty();
        assertThat(auth.authenticate(generated.get())).hasValueSatisfying(p -> assertThat(p.hasRole(Principal.ADMIN)).isTrue());
    }

    @Test
    void generated_tokens_differ_between_databases() {
        String first = auth.bootstrapAdmin(null).orElseThrow();
        try (Database other = TestDatabases.fresh("h2")) {
            AuthService otherAuth = new AuthService(new JdbiTokenRepository(other.handles()), Clock.fixed(NOW, ZoneOffset.UTC));
            assertThat(otherAuth.bootstrapAdmin(null)).hasValueSatisfying(t -> assertThat(t).isNotEqualTo(first));
        }
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "   ", "vt_unknown-token", "\u0000"})
    void unknown_or_blank_tokens_do_not_authenticate(String token) {
        auth.bootstrapAdmin("real-token");

        assertThat(auth.authenticate(token)).isEmpty();
    }

    @Test
    void an_over_long_token_is_refused_even_if_it_was_stored() {
        String huge = "x".repeat(513);
        tokens.save(token("huge", huge, null, null));
        tokens.save(token("edge", "y".repeat(512), null, null));

        assertThat(auth.authenticate(huge)).isEmpty();
        assertThat(auth.authenticate("y".repeat(512))).as("512 characters is still allowed").isPresent();
    }

    @Test
    void a_revoked_token_does_not_authenticate() {
        tokens.save(token("revoked", "revoked-token", null, NOW.minusSeconds(1)));

        assertThat(auth.authenticate("revoked-token")).isEmpty();
    }

    @Test
    void an_expired_token_does_not_authenticate_and_one_expiring_later_does() {
        tokens.save(token("expired", "expired-token", NOW, null));
        tokens.save(token("valid", "valid-token", NOW.plus(Duration.ofDays(1)), null));

        assertThat(auth.authenticate("expired-token")).as("expiry is exclusive").isEmpty();
        assertThat(auth.authenticate("valid-token")).hasValueSatisfying(p -> {
            assertThat(p.tokenId()).isEqualTo("valid");
            assertThat(p.roles()).containsExactlyInAnyOrder("editor", "viewer");
            assertThat(p.regions()).containsExactly("eu");
        });
    }

    @Test
    void a_generated_admin_token_is_issued_again_when_the_only_admin_token_was_revoked() {
        tokens.save(token("old-admin", "old", null, NOW.minusSeconds(60), Set.of(Principal.ADMIN)));

        assertThat(auth.bootstrapAdmin(null)).isPresent();
    }

    private static ApiToken token(String id, String secret, Instant expires, Instant revoked) {
        return token(id, secret, expires, revoked, Set.of("editor", "viewer"));
    }

    private static ApiToken token(String id, String secret, Instant expires, Instant revoked, Set<String> roles) {
        return new ApiToken(id, id + " token", AuthService.hash(secret), roles, Set.of("eu"), NOW.minusSeconds(3600),
                expires, revoked);
    }
}
