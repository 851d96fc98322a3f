package io.vitrine.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class OidcConfigTest {
    private static final Map<String, String> BASE = Map.of("VITRINE_DATA", "/nonexistent-vitrine-data");

    private static VitrineConfig load(Map<String, String> extra) {
        java.util.Map<String, String> env = new java.util.HashMap<>(BASE);
        env.putAll(extra);
        return ConfigLoader.load(env);
    }

    @Test
    void without_an_issuer_oidc_is_off() {
        assertThat(load(Map.of()).oidc().enabled()).isFalse();
    }

    @Test
    void an_issuer_needs_a_client_and_a_redirect_base_url_named_in_the_error() {
        assertThatThrownBy(() -> load(Map.of("VITRINE_OIDC_ISSUER", "https://id.example.com")))
                .hasMessageContaining("VITRINE_OIDC_CLIENT_ID is required");
        assertThatThrownBy(() -> load(Map.of("VITRINE_OIDC_ISSUER", "https://id.example.com", "VITRINE_OIDC_CLIENT_ID", "c",
                "VITRINE_OIDC_CLIENT_SECRET", "s", "VITRINE_OIDC_REDIRECT_BASE_URL", "dam.example.com")))
                .hasMessageContaining("VITRINE_OIDC_REDIRECT_BASE_URL must be an http(s) URL");
        assertThatThrownBy(() -> load(Map.of("VITRINE_OIDC_ISSUER", "https://id.example.com", "VITRINE_OIDC_CLIENT_ID", "c",
                "VITRINE_OIDC_CLIENT_SECRET", "s", "VITRINE_OIDC_REDIRECT_BASE_URL", "https://dam.example.com",
                "VITRINE_OIDC_ROLE_MAP", "admins")))
                .hasMessageContaining("VITRINE_OIDC_ROLE_MAP entries are group=role");
    }

    @Test
    void a_full_configuration_is_read_and_its_secret_is_not_printed() {
        VitrineConfig c = load(Map.of("VITRINE_OIDC_ISSUER", "https://id.example.com/realms/dam/", "VITRINE_OIDC_CLIENT_ID", "vitrine",
                "VITRINE_OIDC_CLIENT_SECRET", "very-secret", "VITRINE_OIDC_REDIRECT_BASE_URL", "https://dam.example.com/",
                "VITRINE_OIDC_ROLES_CLAIM", "realm_access.roles", "VITRINE_OIDC_ROLE_MAP", "dam-admins=admin, dam-legal=legal",
                "VITRINE_OIDC_DEFAULT_ROLE", "consumer"));
        VitrineConfig.Oidc o = c.oidc();
        assertThat(o.issuer()).isEqualTo("https://id.example.com/realms/dam");
        assertThat(o.redirectUri()).isEqualTo("https://dam.example.com/login/oidc/callback");
        assertThat(o.roleMap()).containsEntry("dam-admins", "admin").containsEntry("dam-legal", "legal");
        assertThat(o.apiAudience()).as("JWT access tokens on the API are opt-in").isNull();
        assertThat(o.defaultRole()).isEqualTo("consumer");
        assertThat(c.redacted()).contains("oidc=https://id.example.com/realms/dam").doesNotContain("very-secret");
    }
}
