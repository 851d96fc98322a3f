package io.vitrine.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import io.vitrine.TestServer;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The OpenAPI file in the repo is the contract: it must parse, and name exactly the routes the server registers. */
class OpenApiContractTest {
    @TempDir
    static Path data;

    static TestServer server;

    @BeforeAll
    static void start() {
        server = new TestServer(data, Map.of("VITRINE_WORKERS", "0"));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void documents_exactly_the_registered_routes() throws Exception {
        HttpResponse<String> r = server.send(HttpRequest.newBuilder(server.uri("/openapi.yaml")).build());
        assertThat(r.statusCode()).isEqualTo(200);
        SwaggerParseResult parsed = new OpenAPIV3Parser().readContents(r.body());
        assertThat(parsed.getMessages()).isEmpty();
        OpenAPI api = parsed.getOpenAPI();
        Set<String> documented = new TreeSet<>();
        api.getPaths().forEach((path, item) -> item.readOperationsMap().keySet()
                .forEach((PathItem.HttpMethod m) -> documented.add(m.name() + " " + path)));
        assertThat(documented).isEqualTo(new TreeSet<>(server.vitrine().http().routes()));
    }

    @Test
    void every_documented_api_route_demands_a_token() throws Exception {
        for (String route : server.vitrine().http().routes()) {
            String[] parts = route.split(" ", 2);
            if (!parts[1].startsWith("/api/v1/")) {
                continue;
            }
            String path = parts[1].replace("{id}", "01hzzzzzzzzzzzzzzzzzzzzzzz").replace("{name}", "thumb").replaceAll("\\{[^}]+}", "x");
            HttpRequest req = HttpRequest.newBuilder(server.uri(path)).method(parts[0], HttpRequest.BodyPublishers.noBody()).build();
            assertThat(server.send(req).statusCode()).as(route).isEqualTo(401);
        }
    }
}
