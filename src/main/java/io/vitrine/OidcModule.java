package io.vitrine;

import io.vitrine.asset.Ids;
import io.vitrine.auth.BearerVerifier;
import io.vitrine.auth.ClaimMapping;
import io.vitrine.auth.FederatedSignIn;
import io.vitrine.auth.jdbc.JdbiUserRepository;
import io.vitrine.auth.oidc.JwtBearerVerifier;
import io.vitrine.auth.oidc.NimbusIdentityProvider;
import io.vitrine.config.VitrineConfig;
import io.vitrine.db.jdbi.Handles;
import io.vitrine.web.ExternalSignIn;
import io.vitrine.web.jdbc.JdbiPendingSignInStore;
import java.time.Clock;

/**
 * Wires OpenID Connect sign-in when {@code VITRINE_OIDC_ISSUER} is set: the web UI's "Sign in with"
 * and, unless turned off, the API's acceptance of the provider's JWT access tokens. Off, both are
 * absent and nothing contacts a provider.
 */
final class OidcModule {
    private final ExternalSignIn external;
    private final BearerVerifier bearer;

    OidcModule(VitrineConfig.Oidc config, Handles handles, io.vitrine.auth.GroupRepository groups, Clock clock) {
        if (!config.enabled()) {
            external = null;
            bearer = BearerVerifier.NONE;
            return;
        }
        Ids ids = new Ids();
        FederatedSignIn signIn = new FederatedSignIn(new JdbiUserRepository(handles), groups,
                new ClaimMapping(config.rolesClaim(), config.regionsClaim(), config.roleMap(), config.defaultRole(), config.groupsClaim()),
                () -> ids.next(clock.instant()), clock);
        NimbusIdentityProvider provider = NimbusIdentityProvider.create(config, clock);
        external = new ExternalSignIn(provider, signIn, new JdbiPendingSignInStore(handles));
        bearer = config.apiAudience() == null ? BearerVerifier.NONE
                : new JwtBearerVerifier(provider.metadata(), config.apiAudience(), signIn);
    }

    /** Null when OpenID Connect is off. */
    ExternalSignIn external() {
        return external;
    }

    BearerVerifier bearer() {
        return bearer;
    }
}
