package io.vitrine.web;

import io.vitrine.asset.Asset;
import io.vitrine.asset.AssetNotFoundException;
import io.vitrine.asset.AssetService;
import io.vitrine.audit.AuditService;
import io.vitrine.auth.Permission;
import io.vitrine.auth.Principal;
import io.vitrine.auth.Role;
import io.vitrine.workflow.WorkflowService;
import io.vitrine.rights.LicenceService;
import io.vitrine.rights.Use;
import java.util.Map;

/**
 * The governance rules as the browser meets them, the same as the API's: an asset outside the
 * caller's regions is "not found", a missing permission is refused naming it, what is delivered is
 * checked against the licences for internal viewing, and deliveries and changes are audited.
 */
final class WebAccess {
    private final AssetService assets;
    private final LicenceService licences;
    private final AuditService audit;
    private final WorkflowService workflow;
    private final java.util.function.Function<String, java.util.Set<String>> collectionsOf;
    private final java.util.function.Function<Principal, String> personOf;

    /** The person behind a principal (user id, or token id without a user): uploads are recorded as hers. */
    String person(Principal p) {
        return personOf.apply(p);
    }

    /** {@code collectionsOf}: the collections an asset is in, asked only for people limited to collections. */
    WebAccess(AssetService assets, LicenceService licences, AuditService audit, WorkflowService workflow,
            java.util.function.Function<String, java.util.Set<String>> collectionsOf, java.util.function.Function<Principal, String> personOf) {
        this.personOf = personOf;
        this.assets = assets;
        this.collectionsOf = collectionsOf;
        this.licences = licences;
        this.audit = audit;
        this.workflow = workflow;
    }

    /** The live asset if {@code who} may see it; otherwise the same "not found" as an unknown id. */
    Asset visible(Sessions.SignedIn who, String id) {
        Asset a = assets.get(id);
        if (!sees(who.principal(), a) || (who.principal().outsider() && !workflow.released(a))) {
            throw new AssetNotFoundException(id);
        }
        return a;
    }

    /** Regions and, for someone limited to collections, the asset's collections. */
    boolean sees(Principal p, Asset a) {
        return p.sees(a.regions(), () -> collectionsOf.apply(a.id()));
    }

    /** Whether {@link #visible} would let {@code who} see the asset, for filtering lists of ids. */
    boolean sees(Sessions.SignedIn who, String id) {
        try {
            visible(who, id);
            return true;
        } catch (AssetNotFoundException e) {
            return false;
        }
    }

    /**
     * Checks that viewing inside the DAM is covered (throws the rights refusal otherwise), and, as in
     * the API, that an external partner gets files of approved or published assets only.
     */
    void checkView(Sessions.SignedIn who, Asset a) {
        licences.check(a, Use.INTERNAL_VIEW);
        if (who.principal().hasRole(Role.EXTERNAL.apiName())) {
            workflow.requireReleased(a, "downloaded by external partners");
        }
    }

    void record(Sessions.SignedIn who, String action, String target, Map<String, String> details) {
        Principal p = who.principal();
        audit.record(p.tokenId() + " (" + p.name() + ")", action, target, details);
    }

    /** Thrown by {@link Guard} when the signed-in user's roles lack a permission. */
    static final class Forbidden extends RuntimeException {
        Forbidden(Permission p) {
            super("Your roles do not grant " + p.apiName() + ".");
        }
    }
}
