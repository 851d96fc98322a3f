package io.vitrine.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import io.javalin.json.JavalinJackson;
import io.vitrine.asset.AssetService;
import io.vitrine.auth.AuthService;
import io.vitrine.auth.Principal;
import io.vitrine.enrich.Capabilities;
import io.vitrine.enrich.EnrichmentService;
import io.vitrine.ingest.IngestService;
import io.vitrine.search.SearchService;
import io.vitrine.storage.BlobStore;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The HTTP server: explicit routes, bearer auth on everything under /api/v1, problems for every error. */
public final class HttpApi implements AutoCloseable {
    static final String PRINCIPAL = "vitrine.principal";

    private final Javalin app;
    private final List<String> routes = new ArrayList<>();

    /** What the enrichment routes need. */
    public record Enrichment(EnrichmentService service, Capabilities capabilities) {}

    public HttpApi(AssetService assets, IngestService ingest, SearchService search, AuthService auth, BlobStore blobs, ObjectMapper json,
            Enrichment enrichment) {
        this.app = Javalin.create(cfg -> {
            cfg.showJavalinBanner = false;
            cfg.jsonMapper(new JavalinJackson(json, false));
            cfg.useVirtualThreads = true;
            cfg.http.maxRequestSize = 1024 * 1024;
        });
        ProblemMapping.install(app);
        app.before("/api/v1/*", ctx -> authenticate(ctx, auth));
        EnrichmentRoutes enrich = new EnrichmentRoutes(enrichment.service(), enrichment.capabilities(), json);
        routes(new AssetRoutes(assets, ingest, new MultipartReader(ingest, json), new BlobResponder(blobs), json, enrich::view),
                new SearchRoutes(search));
        route(HandlerType.GET, "/api/v1/capabilities", enrich::capabilities);
        route(HandlerType.PATCH, "/api/v1/assets/{id}/tags/{concept}", enrich::decide);
    }

    private void routes(AssetRoutes assets, SearchRoutes search) {
        route(HandlerType.GET, "/health", ctx -> ctx.json(Map.of("status", "UP")));
        route(HandlerType.GET, "/openapi.yaml", HttpApi::openApi);
        route(HandlerType.POST, "/api/v1/assets", assets::upload);
        route(HandlerType.GET, "/api/v1/assets", assets::list);
        route(HandlerType.GET, "/api/v1/assets/{id}", assets::get);
        route(HandlerType.PATCH, "/api/v1/assets/{id}", assets::update);
        route(HandlerType.DELETE, "/api/v1/assets/{id}", assets::delete);
        route(HandlerType.GET, "/api/v1/assets/{id}/original", assets::original);
        route(HandlerType.GET, "/api/v1/assets/{id}/renditions/{name}", assets::rendition);
        route(HandlerType.POST, "/api/v1/assets/{id}/restore", assets::restore);
        route(HandlerType.GET, "/api/v1/assets/{id}/versions", assets::versions);
        route(HandlerType.POST, "/api/v1/assets/{id}/versions", assets::uploadVersion);
        route(HandlerType.GET, "/api/v1/search", search::search);
    }

    private void route(HandlerType method, String path, Handler handler) {
        app.addHttpHandler(method, path, handler);
        routes.add(method.name() + " " + path);
    }

    /** Every registered route as "METHOD /path/{param}", so tests can hold the OpenAPI file to it. */
    public List<String> routes() {
        return List.copyOf(routes);
    }

    private static void authenticate(Context ctx, AuthService auth) {
        String header = ctx.header("Authorization");
        String token = header != null && header.regionMatches(true, 0, "Bearer ", 0, 7) ? header.substring(7).strip() : null;
        Optional<Principal> principal = auth.authenticate(token);
        if (principal.isEmpty()) {
            throw new ApiException(401, "unauthorized", "Unauthorized", token == null
                    ? "send a token as 'Authorization: Bearer <token>'"
                    : "the bearer token is not valid (unknown, revoked or expired)");
        }
        ctx.attribute(PRINCIPAL, principal.get());
    }

    private static void openApi(Context ctx) throws IOException {
        try (InputStream in = HttpApi.class.getResourceAsStream("/openapi.yaml")) {
            ctx.contentType("application/yaml").result(in.readAllBytes());
        }
    }

    public HttpApi start(int port) {
        app.start("0.0.0.0", port);
        return this;
    }

    public int port() {
        return app.port();
    }

    @Override
    public void close() {
        app.stop();
    }
}
