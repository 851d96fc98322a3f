package io.vitrine.auth;

import java.util.Collections;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Who is calling. Roles grant permissions ({@link Role}); regions (ISO 3166 alpha-2) decide which
 * assets she sees: an asset restricted to markets is visible only to users of one of them.
 * {@code collections}: when not null, she is limited to assets in one of these collections (on top of
 * the region rule); null = no collection restriction. Roles, regions and collections are already the
 * effective ones (her own and her groups', see {@link Grant#apply}).
 */
public record Principal(String tokenId, String name, Set<String> roles, Set<String> regions, Set<String> collections) {

    public static final String ADMIN = "admin";

    public Principal {
        collections = collections == null ? null : Set.copyOf(collections);
    }

    /** A principal without a collection restriction. */
    public Principal(String tokenId, String name, Set<String> roles, Set<String> regions) {
        this(tokenId, name, roles, regions, null);
    }

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
     * The region rule and, when she is limited to collections, the collection rule: the asset must be
     * in one of hers. {@code assetCollections} is asked only then (it costs a lookup).
     */
    public boolean sees(Set<String> assetRegions, Supplier<Set<String>> assetCollections) {
        return sees(assetRegions) && (visibleCollections() == null || !Collections.disjoint(assetCollections.get(), collections));
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

    /** The collections to filter lists and searches by; null = no restriction (admin, or no collection attribute). */
    public Set<String> visibleCollections() {
        return hasRole(ADMIN) ? null : collections;
    }
}
