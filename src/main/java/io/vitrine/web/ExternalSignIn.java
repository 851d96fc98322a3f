package io.vitrine.web;

import io.vitrine.auth.FederatedSignIn;
import io.vitrine.auth.IdentityProvider;

/** What the web UI needs to offer "Sign in with {provider}": the provider, the user mapping and the pending-sign-in store. */
public record ExternalSignIn(IdentityProvider provider, FederatedSignIn signIn, PendingSignInStore pending) {}
