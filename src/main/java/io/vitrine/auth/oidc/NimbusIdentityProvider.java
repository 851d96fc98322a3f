package io.vitrine.auth.oidc;

import com.nimbusds.jwt.JWT;
import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.openid.connect.sdk.AuthenticationErrorResponse;
import com.nimbusds.openid.connect.sdk.AuthenticationRequest;
import com.nimbusds.openid.connect.sdk.AuthenticationResponse;
import com.nimbusds.openid.connect.sdk.AuthenticationResponseParser;
import com.nimbusds.openid.connect.sdk.Nonce;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponseParser;
import com.nimbusds.openid.connect.sdk.claims.IDTokenClaimsSet;
import com.nimbusds.openid.connect.sdk.validators.IDTokenValidator;
import io.vitrine.auth.IdentityProvider;
import io.vitrine.auth.SignInException;
import io.vitrine.config.VitrineConfig;
import java.io.IOException;
import java.net.URI;
import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/** OpenID Connect with the Nimbus SDK: authorization code flow, PKCE (S256), state and nonce. */
public final class NimbusIdentityProvider implements IdentityProvider {
    private final VitrineConfig.Oidc config;
    private final ProviderMetadata provider;
    private final URI redirectUri;

    public NimbusIdentityProvider(VitrineConfig.Oidc config, ProviderMetadata provider) {
        this.config = config;
        this.provider = provider;
        this.redirectUri = URI.create(config.redirectUri());
    }

    public static NimbusIdentityProvider create(VitrineConfig.Oidc config, java.time.Clock clock) {
        return new NimbusIdentityProvider(config, new ProviderMetadata(config.issuer(), clock));
    }

    /** Shared with the API's access-token check, so both use one discovery document and key cache. */
    public ProviderMetadata metadata() {
        return provider;
    }

    @Override
    public String displayName() {
        return config.displayName();
    }

    @Override
    public Authorization begin() {
        State state = new State();
        Nonce nonce = new Nonce();
        CodeVerifier verifier = new CodeVerifier();
        URI endpoint = provider.get().metadata().getAuthorizationEndpointURI();
        URI redirect = new AuthenticationRequest.Builder(ResponseType.CODE, Scope.parse(config.scopes()),
                new ClientID(config.clientId()), redirectUri)
                .endpointURI(endpoint).state(state).nonce(nonce).codeChallenge(verifier, CodeChallengeMethod.S256)
                .build().toURI();
        return new Authorization(redirect, new Pending(state.getValue(), nonce.getValue(), verifier.getValue()));
    }

    @Override
    public Identity finish(Map<String, List<String>> parameters, Pending pending) {
        AuthenticationResponse response;
        try {
            response = AuthenticationResponseParser.parse(redirectUri, parameters);
        } catch (com.nimbusds.oauth2.sdk.ParseException e) {
            throw new SignInException(400, "The provider's answer could not be read: " + e.getMessage());
        }
        if (response.getState() == null || !same(response.getState().getValue(), pending.state())) {
            throw new SignInException(400, "This sign-in answer does not belong to the sign-in this browser started. Start again.");
        }
        if (!response.indicatesSuccess()) {
            AuthenticationErrorResponse error = response.toErrorResponse();
            throw SignInException.rejected("The provider refused the sign-in: " + error.getErrorObject().getCode()
                    + (error.getErrorObject().getDescription() == null ? "" : " (" + error.getErrorObject().getDescription() + ")"));
        }
        Issuer iss = response.toSuccessResponse().getIssuer();
        if (iss != null && !iss.getValue().equals(provider.issuer())) {
            throw SignInException.rejected("The sign-in answer came from another issuer (" + iss + ").");
        }
        JWT idToken = exchange(response.toSuccessResponse().getAuthorizationCode(), pending);
        IDTokenClaimsSet claims = validate(idToken, pending);
        return new Identity(claims.getIssuer().getValue(), claims.getSubject().getValue(), claims.toJSONObject(),
                idToken.getParsedString());
    }

    @Override
    public java.util.Optional<URI> logout(String idTokenHint) {
        URI endpoint;
        try {
            endpoint = provider.get().metadata().getEndSessionEndpointURI();
        } catch (RuntimeException e) {
            return java.util.Optional.empty(); // provider unreachable: the Vitrine session still ends
        }
        if (endpoint == null) {
            return java.util.Optional.empty();
        }
        StringBuilder query = new StringBuilder();
        Map<String, String> params = new java.util.LinkedHashMap<>();
        if (idTokenHint != null) {
            params.put("id_token_hint", idTokenHint);
        }
        params.put("client_id", config.clientId());
        params.put("post_logout_redirect_uri", config.postLogoutRedirectUri());
        params.forEach((k, v) -> query.append(query.isEmpty() ? "" : "&").append(k).append('=')
                .append(java.net.URLEncoder.encode(v, StandardCharsets.UTF_8)));
        String base = endpoint.toString();
        return java.util.Optional.of(URI.create(base + (base.contains("?") ? "&" : "?") + query));
    }

    private JWT exchange(AuthorizationCode code, Pending pending) {
        ProviderMetadata.Loaded p = provider.get();
        TokenRequest request = new TokenRequest(p.metadata().getTokenEndpointURI(),
                new ClientSecretBasic(new ClientID(config.clientId()), new Secret(config.clientSecret())),
                new AuthorizationCodeGrant(code, redirectUri, new CodeVerifier(pending.verifier())));
        TokenResponse response;
        try {
            HTTPRequest http = request.toHTTPRequest();
            http.setConnectTimeout(ProviderMetadata.TIMEOUT_MS);
            http.setReadTimeout(ProviderMetadata.TIMEOUT_MS);
            response = OIDCTokenResponseParser.parse(http.send());
        } catch (IOException e) {
            throw SignInException.unavailable("token endpoint: " + e.getMessage(), e);
        } catch (com.nimbusds.oauth2.sdk.ParseException e) {
            throw SignInException.rejected("The provider's token answer could not be read: " + e.getMessage());
        }
        if (!response.indicatesSuccess()) {
            var error = response.toErrorResponse().getErrorObject();
            throw SignInException.rejected("The provider did not accept the sign-in code (" + error.getCode()
                    + "); it may have been used already or expired. Start again.");
        }
        JWT idToken = ((OIDCTokenResponse) response.toSuccessResponse()).getOIDCTokens().getIDToken();
        if (idToken == null) {
            throw SignInException.rejected("The provider sent no ID token.");
        }
        return idToken;
    }

    private IDTokenClaimsSet validate(JWT idToken, Pending pending) {
        ProviderMetadata.Loaded p = provider.get();
        IDTokenValidator validator = new IDTokenValidator(new Issuer(provider.issuer()), new ClientID(config.clientId()),
                p.keySelector(), null);
        try {
            return validator.validate(idToken, new Nonce(pending.nonce()));
        } catch (com.nimbusds.jose.proc.BadJOSEException e) {
            throw SignInException.rejected("The provider's ID token was not valid: " + e.getMessage());
        } catch (com.nimbusds.jose.JOSEException e) {
            throw SignInException.unavailable("verifying the ID token: " + e.getMessage(), e);
        }
    }

    private static boolean same(String a, String b) {
        return a != null && b != null
                && MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }
}
