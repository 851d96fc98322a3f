package io.vitrine.auth.oidc;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import io.vitrine.auth.BearerVerifier;
import io.vitrine.auth.FederatedSignIn;
import io.vitrine.auth.Principal;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The API's check of a provider's JWT access token (RFC 9068 or plain JWT): signed by a published
 * key of the configured issuer, {@code aud} containing the configured audience, not expired, and
 * naming (by {@code sub}) someone who has signed in to Vitrine through the provider before and is not
 * revoked. She gets the roles and regions of her last sign-in. ID tokens are refused even when their
 * audience matches (the API audience may be the web client's id, as with Spring Authorization Server).
 */
public final class JwtBearerVerifier implements BearerVerifier {
    private static final Logger LOG = LoggerFactory.getLogger(JwtBearerVerifier.class);

    private final ProviderMetadata provider;
    private final String audience;
    private final FederatedSignIn identities;

    public JwtBearerVerifier(ProviderMetadata provider, String audience, FederatedSignIn identities) {
        this.provider = provider;
        this.audience = audience;
        this.identities = identities;
    }

    @Override
    public Optional<Principal> verify(String token) {
        if (token.chars().filter(c -> c == '.').count() != 2) {
            return Optional.empty();
        }
        try {
            DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
            processor.setJWSTypeVerifier(new DefaultJOSEObjectTypeVerifier<>(JOSEObjectType.JWT, new JOSEObjectType("at+jwt"), null));
            processor.setJWSKeySelector(provider.get().keySelector());
            processor.setJWTClaimsSetVerifier(new DefaultJWTClaimsVerifier<>(audience,
                    new JWTClaimsSet.Builder().issuer(provider.issuer()).build(), Set.of("sub", "exp")));
            JWTClaimsSet claims = processor.process(token, null);
            if (claims.getClaim("nonce") != null || "ID".equals(claims.getClaim("typ"))) {
                return Optional.empty(); // an ID token (Vitrine always sends a nonce; Keycloak marks them typ ID): not for APIs
            }
            return identities.principal(provider.issuer(), claims.getSubject());
        } catch (Exception e) {
            LOG.debug("bearer JWT refused: {}", e.getMessage());
            return Optional.empty();
        }
    }
}
