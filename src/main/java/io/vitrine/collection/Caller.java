package io.vitrine.collection;

import io.vitrine.auth.Principal;

/** Who acts on collections: the user behind the token (or the token itself when it has no user), and whether she is an admin. */
public record Caller(String id, Principal principal) {

    public boolean admin() {
        return principal.hasRole(Principal.ADMIN);
    }
}
