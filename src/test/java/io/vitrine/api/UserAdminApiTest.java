package io.vitrine.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.vitrine.TestServer;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Listing users, issuing more tokens and revoking a user, through the API. */
class UserAdminApiTest {
    @TempDir
    static Path data;

    static TestServer server;
    static GovernanceClient client;

    @BeforeAll
    static void start() {
        server = new TestServer(data, Map.of("VITRINE_WORKERS", "0"));
        client = new GovernanceClient(server);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static JsonNode created(String name) throws Exception {
        return client.json(client.admin("POST", "/api/v1/users",
                "{\"name\":\"" + name + "\",\"roles\":[\"librarian\"],\"regions\":[\"DE\"]}"));
    }

    @Test
    void an_admin_lists_users_and_sees_one_with_her_tokens_but_never_their_hashes() throws Exception {
        JsonNode ann = created("Ann Lister");
        JsonNode list = client.json(client.admin("GET", "/api/v1/users", null));
        assertThat(list.path("users").findValuesAsText("name")).contains("Ann Lister");
        HttpResponse<String> one = client.admin("GET", "/api/v1/users/" + ann.path("id").asText(), null);
        JsonNode detail = client.json(one);
        assertThat(detail.path("roles").toString()).isEqualTo("[\"librarian\"]");
        assertThat(detail.path("tokens")).hasSize(1);
        assertThat(detail.path("tokens").get(0).path("active").asBoolean()).isTrue();
        assertThat(one.body()).doesNotContain(ann.path("token").asText()).doesNotContainIgnoringCase("hash");
        assertThat(client.admin("GET", "/api/v1/users/nobody", null).statusCode()).isEqualTo(404);
        assertThat(client.call(ann.path("token").asText(), "GET", "/api/v1/users", null).statusCode()).isEqualTo(403);
    }

    @Test
    void another_token_works_with_the_users_roles_and_expires_when_asked() throws Exception {
        JsonNode bea = created("Bea Second");
        HttpResponse<String> r = client.admin("POST", "/api/v1/users/" + bea.path("id").asText() + "/tokens", "{\"expiresIn\":\"P7D\"}");
        assertThat(r.statusCode()).isEqualTo(201);
        JsonNode issued = client.json(r);
        Instant expires = Instant.parse(issued.path("expiresAt").asText());
        assertThat(Duration.between(Instant.now(), expires)).isBetween(Duration.ofDays(7).minusMinutes(5), Duration.ofDays(7));
        assertThat(client.call(issued.path("token").asText(), "GET", "/api/v1/assets", null).statusCode()).isEqualTo(200);
        assertThat(client.call(issued.path("token").asText(), "GET", "/api/v1/audit", null).statusCode()).isEqualTo(403);
        assertThat(client.admin("POST", "/api/v1/users/" + bea.path("id").asText() + "/tokens", "{\"expiresIn\":\"P9999D\"}")
                .statusCode()).isEqualTo(400);
        assertThat(client.admin("POST", "/api/v1/users/nobody/tokens", "{}").statusCode()).isEqualTo(404);
    }

    @Test
    void revoking_a_user_stops_all_her_tokens_and_web_sessions_at_once_and_is_audited() throws Exception {
        JsonNode cid = created("Cid Revoked");
        String id = cid.path("id").asText();
        String second = client.json(client.admin("POST", "/api/v1/users/" + id + "/tokens", "{}")).path("token").asText();
        String session = webSession(cid.path("token").asText());
        assertThat(webGet(session).statusCode()).isEqualTo(200);

        HttpResponse<String> revoked = client.admin("POST", "/api/v1/users/" + id + "/revoke", null);
        assertThat(revoked.statusCode()).isEqualTo(200);
        assertThat(client.json(revoked).path("revokedAt").isTextual()).isTrue();
        assertThat(client.json(revoked).path("tokens").findValuesAsText("active")).containsOnly("false");
        assertThat(client.call(cid.path("token").asText(), "GET", "/api/v1/assets", null).statusCode()).isEqualTo(401);
        assertThat(client.call(second, "GET", "/api/v1/assets", null).statusCode()).isEqualTo(401);
        assertThat(webGet(session).statusCode()).isEqualTo(303);
        assertThat(client.admin("POST", "/api/v1/users/" + id + "/tokens", "{}").statusCode()).isEqualTo(409);
        assertThat(client.admin("POST", "/api/v1/users/" + id + "/revoke", null).statusCode()).isEqualTo(200);
        assertThat(client.admin("GET", "/api/v1/audit?limit=200", null).body()).contains("user.revoke").contains(id);
    }

    private static String webSession(String token) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(server.uri("/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("token=" + URLEncoder.encode(token, StandardCharsets.UTF_8))).build(),
                HttpResponse.BodyHandlers.ofString());
        String cookie = r.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("vitrine_session=")).findFirst()
                .orElseThrow(() -> new AssertionError("no session: " + r.statusCode()));
        return cookie.substring(0, cookie.indexOf(';'));
    }

    private static HttpResponse<String> webGet(String cookie) throws Exception {
        URI uri = server.uri("/upload");
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri).header("Cookie", cookie).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
