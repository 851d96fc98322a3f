package io.vitrine.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.vitrine.auth.jdbc.JdbiTokenRepository;
import io.vitrine.auth.jdbc.JdbiUserRepository;
import io.vitrine.db.Database;
import io.vitrine.db.TestDatabases;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Linking provider identities to users, on H2 and PostgreSQL (migration V13 on both). */
class FederatedSignInTest {
    private static final Instant NOW = Instant.parse("2026-03-01T09:00:00Z");
    private static final String ISSUER = "https://login.example.com";

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void the_same_subject_is_the_same_user_and_her_roles_and_regions_follow_the_provider(String kind) {
        try (Database db = TestDatabases.fresh(kind)) {
            AtomicInteger n = new AtomicInteger();
            JdbiUserRepository users = new JdbiUserRepository(db.handles());
            FederatedSignIn signIn = new FederatedSignIn(users, new ClaimMapping("groups", "regions", Map.of("g-legal", "legal"), null),
                    () -> "id" + n.incrementAndGet(), Clock.fixed(NOW, ZoneOffset.UTC));
            var first = (FederatedSignIn.SignedIn) signIn.signIn(ISSUER, "sub-1",
                    Map.of("groups", List.of("g-legal"), "regions", "de fr", "name", "Lea Legal"), Duration.ofHours(12));
            var second = (FederatedSignIn.SignedIn) signIn.signIn(ISSUER, "sub-1",
                    Map.of("groups", List.of("librarian"), "regions", List.of("AT")), Duration.ofHours(12));
            assertThat(second.user().id()).isEqualTo(first.user().id());
            User stored = users.find(first.user().id()).orElseThrow();
            assertThat(stored.roles()).containsExactly("librarian");
            assertThat(stored.regions()).containsExactly("AT");
            assertThat(stored.name()).isEqualTo("sub-1");
            assertThat(users.tokens(stored.id())).hasSize(2);
            AuthService auth = new AuthService(new JdbiTokenRepository(db.handles()), Clock.fixed(NOW, ZoneOffset.UTC));
            assertThat(auth.activePrincipal(second.tokenId(), NOW).orElseThrow().roles()).containsExactly("librarian");
            // another issuer's "sub-1" is someone else
            var other = (FederatedSignIn.SignedIn) signIn.signIn("https://other.example.com", "sub-1",
                    Map.of("groups", "librarian"), Duration.ofHours(12));
            assertThat(other.user().id()).isNotEqualTo(first.user().id());

            users.revoke(stored.id(), NOW);
            assertThat(auth.activePrincipal(second.tokenId(), NOW)).isEmpty();
            assertThat(signIn.signIn(ISSUER, "sub-1", Map.of("groups", "librarian"), Duration.ofHours(12)))
                    .isInstanceOf(FederatedSignIn.Refused.class);
            assertThat(signIn.principal(ISSUER, "sub-1")).isEmpty();
            assertThat(signIn.principal("https://other.example.com", "sub-1")).isPresent();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void the_groups_claim_makes_her_a_member_of_the_named_groups_at_each_sign_in_and_their_grants_apply(String kind) {
        try (Database db = TestDatabases.fresh(kind)) {
            AtomicInteger n = new AtomicInteger();
            JdbiUserRepository users = new JdbiUserRepository(db.handles());
            GroupRepository groups = new io.vitrine.auth.jdbc.JdbiGroupRepository(db.handles());
            groups.insert(new Group("g1", "dam-brand-a", null, java.util.Set.of("librarian"), java.util.Set.of("IT"),
                    java.util.Set.of("c1"), NOW, NOW));
            groups.insert(new Group("g2", "dam-brand-b", null, java.util.Set.of(), java.util.Set.of(), null, NOW, NOW));
            FederatedSignIn signIn = new FederatedSignIn(users, groups, new ClaimMapping("roles", "regions", Map.of(), null, "groups"),
                    () -> "id" + n.incrementAndGet(), Clock.fixed(NOW, ZoneOffset.UTC));
            // no role claim at all: the group gives her one, so she may sign in
            var in = (FederatedSignIn.SignedIn) signIn.signIn(ISSUER, "sub-9",
                    Map.of("groups", List.of("dam-brand-a", "g2", "not-a-group"), "regions", "DE"), Duration.ofHours(12));
            assertThat(groups.groupsOf(in.user().id())).extracting(Group::id).containsExactly("g1", "g2");
            AuthService auth = new AuthService(new JdbiTokenRepository(db.handles()), Clock.fixed(NOW, ZoneOffset.UTC),
                    BearerVerifier.NONE, p -> groups.grantOf(p.tokenId()).map(g -> g.apply(p)).orElse(p));
            Principal p = auth.activePrincipal(in.tokenId(), NOW).orElseThrow();
            assertThat(p.roles()).containsExactly("librarian");
            assertThat(p.regions()).containsExactlyInAnyOrder("DE", "IT");
            assertThat(p.collections()).containsExactly("c1");
            // the provider drops brand A: at the next sign-in she is out of it, and her old session too
            var again = (FederatedSignIn.SignedIn) signIn.signIn(ISSUER, "sub-9",
                    Map.of("groups", List.of("dam-brand-b"), "roles", "consumer"), Duration.ofHours(12));
            assertThat(groups.groupsOf(again.user().id())).extracting(Group::id).containsExactly("g2");
            assertThat(auth.activePrincipal(in.tokenId(), NOW).orElseThrow().collections()).isNull();
            // without any role from claims or groups she is refused
            assertThat(signIn.signIn(ISSUER, "sub-10", Map.of("groups", List.of("dam-brand-b")), Duration.ofHours(12)))
                    .isInstanceOf(FederatedSignIn.Refused.class);
        }
    }

    @org.junit.jupiter.api.Test
    void claims_map_to_roles_through_the_role_map_nested_paths_and_the_default_role() {
        ClaimMapping keycloak = new ClaimMapping("realm_access.roles", "attrs.markets", Map.of("dam-admins", "admin"), null);
        Map<String, Object> claims = Map.of("realm_access", Map.of("roles", List.of("offline_access", "dam-admins", "reviewer")),
                "attrs", Map.of("markets", List.of("de", "XX", "fr ")));
        assertThat(keycloak.roles(claims)).containsExactlyInAnyOrder("admin", "reviewer");
        assertThat(keycloak.regions(claims)).containsExactlyInAnyOrder("DE", "FR");
        assertThat(keycloak.roles(Map.of("realm_access", Map.of("roles", List.of("offline_access"))))).isEmpty();
        assertThat(keycloak.roles(Map.of())).isEmpty();
        ClaimMapping lenient = new ClaimMapping("groups", "regions", Map.of(), "consumer");
        assertThat(lenient.roles(Map.of("groups", "staff"))).containsExactly("consumer");
        assertThat(lenient.roles(Map.of("groups", "staff,legal"))).containsExactly("legal");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new ClaimMapping("g", "r", Map.of("x", "king"), null))
                .hasMessageContaining("'king' is not a Vitrine role");
    }
}
