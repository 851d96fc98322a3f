package io.vitrine.api;

import io.javalin.http.Context;
import io.vitrine.asset.Asset;
import io.vitrine.asset.AssetStatus;
import io.vitrine.asset.Rendition;
import io.vitrine.auth.Principal;
import io.vitrine.auth.Role;
import io.vitrine.workflow.WorkflowService;
import io.vitrine.rights.Channel;
import io.vitrine.rights.LicenceService;
import io.vitrine.rights.Use;
import java.io.IOException;

/**
 * Sends an asset's original or one of its renditions after the delivery checks every path shares
 * (API route or signed link): a quarantined asset is never served, the stated use must be
 * covered by the asset's licences, checked now, and what leaves the company must be approved.
 */
final class Deliverer {
    static final String ORIGINAL = "original";

    private final LicenceService licences;
    private final BlobResponder blobs;
    private final WorkflowService workflow;

    Deliverer(LicenceService licences, BlobResponder blobs, WorkflowService workflow) {
        this.licences = licences;
        this.blobs = blobs;
        this.workflow = workflow;
    }

    /**
     * Only approved (or published) assets leave the company: a signed link (no principal) and every
     * download by the {@code external} role need the released state, checked at each use.
     */
    void checkReleased(Context ctx, Asset a) {
        Principal p = Access.principal(ctx);
        if (p == null) {
            workflow.requireReleased(a, "delivered through a link");
        } else if (p.hasRole(Role.EXTERNAL.apiName())) {
            workflow.requireReleased(a, "downloaded by external partners");
        }
    }

    /**
     * The use a request states. No {@code channel} and no {@code region}: internal viewing by the
     * signed-in caller. A channel needs a region and the other way round, so a distribution always
     * says where it goes.
     */
    static Use use(String channel, String region) {
        if (channel == null && region == null) {
            return Use.INTERNAL_VIEW;
        }
        if (channel == null || region == null) {
            throw ApiException.badRequest("state both 'channel' and 'region' (or neither, for internal viewing)");
        }
        Channel c = Channel.byApiName(channel).orElseThrow(() -> ApiException.badRequest(
                "unknown channel '" + abbreviate(channel) + "'; channels are web, social, print, ooh, broadcast, internal"));
        String r = region.strip().toUpperCase(java.util.Locale.ROOT);
        if (!io.vitrine.auth.Regions.valid(r)) {
            throw ApiException.badRequest("'" + abbreviate(region) + "' is not an ISO 3166 alpha-2 region code");
        }
        return new Use(c, r);
    }

    void check(Asset a, String rendition, Use use) {
        if (a.status() == AssetStatus.QUARANTINED) {
            throw new ApiException(403, "quarantined", "Quarantined", "asset " + a.id() + " is quarantined: " + a.statusReason());
        }
        if (!ORIGINAL.equals(rendition)) {
            rendition(a, rendition);
        }
        licences.check(a, use);
    }

    void send(Context ctx, Asset a, String rendition, Use use) throws IOException {
        check(a, rendition, use);
        checkReleased(ctx, a);
        if (ORIGINAL.equals(rendition)) {
            blobs.send(ctx, new BlobResponder.Delivery(a.sha256(), a.mediaType(), a.filename(), true));
            return;
        }
        Rendition r = rendition(a, rendition);
        blobs.send(ctx, new BlobResponder.Delivery(r.sha256(), r.mediaType(),
                r.downloadName(a.filename()), false));
    }

    private static Rendition rendition(Asset a, String name) {
        return a.renditions().stream().filter(x -> x.name().equals(name)).findFirst()
                .orElseThrow(() -> new ApiException(404, "no-rendition", "Not found",
                        "asset " + a.id() + " has no rendition '" + abbreviate(name) + "'" + available(a)));
    }

    private static String available(Asset a) {
        if (a.renditions().isEmpty()) {
            return a.status() == AssetStatus.PROCESSING ? " yet (still processing)" : "";
        }
        return "; available: " + String.join(", ", a.renditions().stream().map(Rendition::name).toList());
    }



    static String abbreviate(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }
}
