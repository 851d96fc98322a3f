package io.vitrine.api;

import io.javalin.http.Context;
import io.vitrine.asset.Asset;
import io.vitrine.asset.AssetNotFoundException;
import io.vitrine.asset.AssetService;
import io.vitrine.auth.Permission;
import io.vitrine.auth.Principal;

/**
 * Who may do what to which asset, for routes. An asset outside the caller's regions (or, for a caller
 * limited to collections, in none of hers) answers exactly
 * like an asset that does not exist (404), so its existence never leaks; a missing permission is a
 * 403 that names it, decided before any asset is looked up (so it leaks nothing either).
 */
final class Access {
    private final AssetService assets;
    private final java.util.function.Predicate<Asset> released;
    private final java.util.function.Function<String, java.util.Set<String>> collectionsOf;
    private final java.util.function.Function<Principal, String> personOf;

    /**
     * {@code released}: whether an asset may be seen by partners outside the company (approved or published);
     * {@code collectionsOf}: the collections an asset is in, asked only for callers limited to collections.
     */
    Access(AssetService assets, java.util.function.Predicate<Asset> released,
            java.util.function.Function<String, java.util.Set<String>> collectionsOf, java.util.function.Function<Principal, String> personOf) {
        this.personOf = personOf;
        this.assets = assets;
        this.released = released;
        this.collectionsOf = collectionsOf;
    }

    /** Whether the caller sees the asset by its regions and, when she is limited to collections, its collections. */
    boolean sees(Principal p, Asset a) {
        return p.sees(a.regions(), () -> collectionsOf.apply(a.id()));
    }

    /** The person behind the caller's token (her user id; the token id for a token without a user), as owners and recipients are named. */
    String person(Context ctx) {
        return personOf.apply(principal(ctx));
    }

    static Principal principal(Context ctx) {
        return ctx.attribute(HttpApi.PRINCIPAL);
    }

    static void require(Context ctx, Permission permission) {
        Principal p = principal(ctx);
        if (p != null && !p.can(permission)) {
            throw new ApiException(403, "forbidden", "Forbidden", "permission " + permission.apiName()
                    + " is missing: your roles (" + String.join(", ", new java.util.TreeSet<>(p.roles())) + ") do not grant it");
        }
    }

    /** The live asset if the caller may see it, else the same 404 as an unknown id. */
    Asset visible(Context ctx, String id) {
        Asset a = assets.get(id);
        Principal p = principal(ctx);
        if (!sees(p, a) || (p.outsider() && !released.test(a))) {
            throw new AssetNotFoundException(id);
        }
        return a;
    }

    /** Whether {@link #visible} would let the caller see the asset, for filtering lists of ids. */
    boolean sees(Context ctx, String id) {
        try {
            visible(ctx, id);
            return true;
        } catch (AssetNotFoundException e) {
            return false;
        }
    }

    /** Like {@link #visible}, soft-deleted assets included (for restore). */
    void checkVisibleIncludingDeleted(Context ctx, String id) {
        Asset a = assets.findIncludingDeleted(id).orElseThrow(() -> new AssetNotFoundException(id));
        if (!sees(principal(ctx), a) || principal(ctx).outsider()) {
            throw new AssetNotFoundException(id);
        }
    }
}
