package io.vitrine.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import io.vitrine.asset.Asset;
import io.vitrine.asset.AssetNotFoundException;
import io.vitrine.asset.AssetService;
import io.vitrine.rights.DeliveryUrls;
import io.vitrine.rights.InvalidSignatureException;
import io.vitrine.rights.LicenceService;
import io.vitrine.lifecycle.LifecycleService;
import io.vitrine.rights.Use;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;

/** Licences, signed delivery links and the lifecycle run. */
final class RightsRoutes {
    private static final long DEFAULT_EXPIRES_IN = 3600;

    private final AssetService assets;
    private final LicenceService licences;
    private final DeliveryUrls urls;
    private final LifecycleService lifecycle;
    private final Deliverer deliverer;
    private final Access access;
    private final ObjectMapper json;
    private final io.vitrine.workflow.WorkflowService workflow;

    RightsRoutes(AssetService assets, Governance g, Deliverer deliverer, ObjectMapper json) {
        this.assets = assets;
        this.licences = g.licences();
        this.urls = g.deliveryUrls();
        this.lifecycle = g.lifecycle();
        this.deliverer = deliverer;
        this.access = new Access(assets);
        this.json = json;
        this.workflow = g.approvals().workflow();
    }

    void createLicence(Context ctx) {
        String id = licences.create(LicenceJson.parse(json, ctx.body())).id();
        AuditTrail.target(ctx, id);
        ctx.status(201).header("Location", "/api/v1/licences/" + id).json(Map.of("id", id));
    }

    void getLicence(Context ctx) {
        ctx.json(LicenceJson.view(licences.get(ctx.pathParam("id"))));
    }

    /** Checks now what the link will be checked for at use, so a link that cannot work is never handed out. */
    void createDeliveryUrl(Context ctx) throws IOException {
        Asset a = access.visible(ctx, ctx.pathParam("id"));
        JsonNode body = json.readTree(ctx.body().isBlank() ? "{}" : ctx.body());
        String rendition = body.path("rendition").asText(Deliverer.ORIGINAL);
        Access.require(ctx, Deliverer.ORIGINAL.equals(rendition)
                ? io.vitrine.auth.Permission.ORIGINAL_DOWNLOAD : io.vitrine.auth.Permission.RENDITION_DOWNLOAD);
        Use use = Deliverer.use(LicenceJson.text(body, "channel"), LicenceJson.text(body, "region"));
        if (!use.isDistribution()) {
            throw ApiException.badRequest("a delivery link leaves Vitrine: state its 'channel' and 'region'");
        }
        deliverer.check(a, rendition, use);
        workflow.requireReleased(a, "shared through delivery links");
        long seconds = body.path("expiresIn").asLong(DEFAULT_EXPIRES_IN);
        String path = urls.sign(a.id(), rendition, use, Duration.ofSeconds(seconds));
        AuditTrail.detail(ctx, "rendition", rendition);
        AuditTrail.detail(ctx, "channel", use.channel().apiName());
        AuditTrail.detail(ctx, "region", use.region());
        ctx.status(201).json(Map.of("url", ctx.scheme() + "://" + ctx.host() + path));
    }

    /** A signed link: no token; the signature, expiry, quarantine and licences are checked on every use. */
    void deliver(Context ctx) throws IOException {
        DeliveryUrls.Claims c = urls.verify(ctx.pathParam("id"), ctx.pathParam("name"), ctx.queryParam("channel"),
                ctx.queryParam("region"), ctx.queryParam("expires"), ctx.queryParam("sig"));
        Asset a;
        try {
            a = assets.get(c.assetId());
        } catch (AssetNotFoundException e) {
            throw new InvalidSignatureException("the asset of this delivery link is gone");
        }
        AuditTrail.detail(ctx, "channel", c.channel().apiName());
        AuditTrail.detail(ctx, "region", c.region());
        deliverer.send(ctx, a, c.rendition(), new Use(c.channel(), c.region()));
    }

    void runLifecycle(Context ctx) {
        boolean dryRun = "true".equalsIgnoreCase(ctx.queryParam("dryRun"));
        LifecycleService.Report report = lifecycle.run(dryRun);
        AuditTrail.detail(ctx, "dryRun", Boolean.toString(dryRun));
        AuditTrail.detail(ctx, "actions", String.join(",", report.actions().stream().map(a -> a.action() + ":" + a.assetId()).toList()));
        ctx.json(report);
    }
}
