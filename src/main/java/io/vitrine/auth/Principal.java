package io.vitrine.auth;

import java.util.Collections;
import java.util.Set;

/**
 * Who is calling. Roles grant permissions ({@link Role}); regions (ISO 3166 alpha-2) decide which
 * assets she sees: an asset restricted to markets is visible only to users of one of them.
 */
public record Principal(String tokenId, String name, Set<String> roles, Set<String> regions) {

    public static final String ADMIN = "admin";

    public boolean hasRole(String role) {
        return roles.contains(role);
    }

    public boolean can(Permission permission) {
        return roles.stream().flatMap(r -> Role.byApiName(r).stream()).anyMatch(r -> r.permissions().contains(permission));
    }

    /** An admin sees every asset; anyone else an unrestricted one or one restricted to a market of hers. */
    public boolean sees(Set<String> assetRegions) {
        return hasRole(ADMIN) || assetRegions.isEmpty() || !Collections.disjoint(assetRegions, regions);
    }

    /**
     * A partner outside the company (only the {@code external} role): she sees approved and published
     * assets only, in lists, search and every asset route, not work in progress.
     */
    public boolean outsider() {
        return !roles.isEmpty() && roles.stream().allMatch(Role.EXTERNAL.apiName()::equals);
    }

    /** The regions to filter lists and searches by; null = no restriction (admin). */
    public Set<String> visibleRegions() {
        return hasRole(ADMIN) ? null : regions;
    }
}
