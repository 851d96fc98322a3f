package io.vitrine.auth;

import java.net.URI;
import java.util.List;
import java.util.Map;

/**
 * An external identity provider the web UI signs people in with (OpenID Connect: authorization code
 * flow with PKCE, state and nonce). Both methods throw {@link SignInException}, never anything else
 * for a provider's or a browser's fault.
 */
public interface IdentityProvider {

    /** What the sign-in button says: "Sign in with {displayName}". */
    String displayName();

    /** The secrets of one sign-in attempt, kept server-side until the browser comes back. */
    record Pending(String state, String nonce, String verifier) {}

    record Authorization(URI redirect, Pending pending) {}

    /** Fresh state, nonce and PKCE verifier, and the provider URL to send the browser to. */
    Authorization begin();

    /**
     * Who the provider vouched for; {@code claims} are the verified ID token's, {@code idToken} the token
     * itself (kept with the web session as the {@code id_token_hint} of a later sign-out; may be null).
     */
    record Identity(String issuer, String subject, Map<String, Object> claims, String idToken) {
        public Identity(String issuer, String subject, Map<String, Object> claims) {
            this(issuer, subject, claims, null);
        }
    }

    /**
     * Where to send the browser to end the provider's session too (OpenID Connect RP-initiated logout):
     * the provider's {@code end_session_endpoint} with {@code id_token_hint}, {@code client_id} and
     * {@code post_logout_redirect_uri}. Empty when the provider advertises no such endpoint or cannot be
     * reached: signing out of Vitrine never depends on the provider.
     */
    default java.util.Optional<URI> logout(String idTokenHint) {
        return java.util.Optional.empty();
    }

    /**
     * Checks the callback against {@code pending} (state), exchanges the code (with the PKCE verifier)
     * and verifies the ID token: signature against the provider's published keys, issuer, audience,
     * expiry and nonce.
     */
    Identity finish(Map<String, List<String>> callbackParameters, Pending pending);
}
