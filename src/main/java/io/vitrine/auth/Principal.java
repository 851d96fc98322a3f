package io.vitrine.auth;

import java.util.Set;

/**
 * Who is calling. Roles and regions ride along from the token so that access rules can combine them
 * (role- and region-level access build on this).
 */
public record Principal(String tokenId, String name, Set<String> roles, Set<String> regions) {

    public static final String ADMIN = "admin";

    public boolean hasRole(String role) {
        return roles.contains(role);
    }
}
