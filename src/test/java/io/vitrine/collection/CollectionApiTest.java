package io.vitrine.collection;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.vitrine.TestServer;
import io.vitrine.api.GovernanceClient;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Lightboxes through the API: owned, shared with colleagues to view or edit, never seen by anyone else, audited. */
class CollectionApiTest {
    @TempDir
    static Path data;
    static TestServer server;
    static GovernanceClient client;
    static String open;
    static String german;
    static String anna;
    static String annaId;
    static String ben;
    static String benId;
    static String carla;

    @BeforeAll
    static void start() throws Exception {
        server = new TestServer(data, Map.of());
        client = new GovernanceClient(server);
        open = client.asset(701, null);
        german = client.asset(702, null);
        client.restrict(german, "DE");
        JsonNode a = user("anna", "DE");
        anna = a.path("token").asText();
        annaId = a.path("id").asText();
        JsonNode b = user("ben", "FR");
        ben = b.path("token").asText();
        benId = b.path("id").asText();
        carla = user("carla", "FR").path("token").asText();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static JsonNode user(String name, String region) throws Exception {
        return server.json(client.admin("POST", "/api/v1/users",
                "{\"name\":\"" + name + "\",\"roles\":[\"consumer\"],\"regions\":[\"" + region + "\"]}"));
    }

    private static JsonNode json(HttpResponse<String> r) throws Exception {
        return server.json(r);
    }

    @Test
    void the_owner_creates_fills_and_reads_her_collection() throws Exception {
        HttpResponse<String> created = client.call(anna, "POST", "/api/v1/collections", "{\"name\":\"Spring campaign\",\"description\":\"hero shots\"}");
        assertThat(created.statusCode()).isEqualTo(201);
        String id = json(created).path("id").asText();
        HttpResponse<String> added = client.call(anna, "POST", "/api/v1/collections/" + id + "/assets",
                "{\"assetIds\":[\"" + open + "\",\"" + german + "\",\"" + open + "\"]}");
        assertThat(json(added).path("added").asInt()).isEqualTo(2);
        JsonNode c = json(client.call(anna, "GET", "/api/v1/collections/" + id, null));
        assertThat(c.path("name").asText()).isEqualTo("Spring campaign");
        assertThat(c.path("access").asText()).isEqualTo("own");
        assertThat(c.path("owner").asText()).isEqualTo(annaId);
        assertThat(c.path("assets").toString()).contains(open, german);
        assertThat(json(client.call(anna, "GET", "/api/v1/collections", null)).path("items").toString()).contains("Spring campaign");
    }

    @Test
    void a_colleague_sees_a_shared_collection_but_only_the_assets_of_her_regions_and_cannot_change_it_when_viewing() throws Exception {
        String id = collectionOf(anna, "Shared look", open, german);
        assertThat(client.call(anna, "PUT", "/api/v1/collections/" + id + "/members/" + benId, "{\"access\":\"view\"}").statusCode())
                .isEqualTo(204);
        JsonNode seen = json(client.call(ben, "GET", "/api/v1/collections/" + id, null));
        assertThat(seen.path("access").asText()).isEqualTo("view");
        assertThat(seen.path("assets").toString()).contains(open).doesNotContain(german);
        HttpResponse<String> add = client.call(ben, "POST", "/api/v1/collections/" + id + "/assets", "{\"assetIds\":[\"" + open + "\"]}");
        assertThat(add.statusCode()).isEqualTo(403);
        assertThat(json(add).path("detail").asText()).contains("view only");
        client.call(anna, "PUT", "/api/v1/collections/" + id + "/members/" + benId, "{\"access\":\"edit\"}");
        assertThat(client.call(ben, "DELETE", "/api/v1/collections/" + id + "/assets/" + open, null).statusCode()).isEqualTo(204);
        assertThat(client.call(ben, "DELETE", "/api/v1/collections/" + id, null).statusCode()).isEqualTo(403);
    }

    @Test
    void a_collection_not_shared_with_her_answers_like_an_unknown_one() throws Exception {
        String id = collectionOf(anna, "Private", open);
        JsonNode hidden = json(client.call(carla, "GET", "/api/v1/collections/" + id, null));
        JsonNode unknown = json(client.call(carla, "GET", "/api/v1/collections/01hzzzzzzzzzzzzzzzzzzzzzzz", null));
        assertThat(hidden.path("status").asInt()).isEqualTo(404);
        assertThat(hidden.path("detail").asText().replace(id, "X")).isEqualTo(unknown.path("detail").asText().replace("01hzzzzzzzzzzzzzzzzzzzzzzz", "X"));
        assertThat(json(client.call(carla, "GET", "/api/v1/collections", null)).path("items").toString()).doesNotContain(id);
        assertThat(json(client.admin("GET", "/api/v1/collections", null)).path("items").toString()).contains(id);
    }

    @Test
    void assets_she_cannot_see_cannot_be_added_and_nothing_is_added_then() throws Exception {
        String id = collectionOf(carla, "Mine");
        HttpResponse<String> r = client.call(carla, "POST", "/api/v1/collections/" + id + "/assets",
                "{\"assetIds\":[\"" + open + "\",\"" + german + "\"]}");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(json(r).path("detail").asText()).contains(german).contains("does not exist");
        assertThat(json(client.call(carla, "GET", "/api/v1/collections/" + id, null)).path("assets")).isEmpty();
    }

    @Test
    void bad_requests_get_precise_problems() throws Exception {
        assertThat(json(client.call(anna, "POST", "/api/v1/collections", "{\"name\":\"  \"}")).path("detail").asText())
                .contains("'name' must be 1 to 255 characters");
        assertThat(json(client.call(anna, "POST", "/api/v1/collections", "[1]")).path("detail").asText()).contains("JSON object");
        String id = collectionOf(anna, "Bad input");
        assertThat(json(client.call(anna, "PATCH", "/api/v1/collections/" + id, "{\"owner\":\"me\"}")).path("detail").asText())
                .contains("unknown field 'owner'");
        assertThat(json(client.call(anna, "POST", "/api/v1/collections/" + id + "/assets", "{\"assetIds\":\"x\"}")).path("status").asInt())
                .isEqualTo(400);
        assertThat(json(client.call(anna, "PUT", "/api/v1/collections/" + id + "/members/nobody", "{\"access\":\"view\"}")).path("detail")
                .asText()).contains("user nobody does not exist");
        assertThat(json(client.call(anna, "PUT", "/api/v1/collections/" + id + "/members/" + benId, "{\"access\":\"root\"}"))
                .path("detail").asText()).contains("view or edit");
    }

    @Test
    void changes_are_in_the_audit_trail() throws Exception {
        String id = collectionOf(anna, "Audited", open);
        String audit = client.admin("GET", "/api/v1/audit", null).body();
        assertThat(audit).contains("collection.create").contains("collection.assets.add").contains(id);
    }

    private static String collectionOf(String token, String name, String... assets) throws Exception {
        String id = json(client.call(token, "POST", "/api/v1/collections", "{\"name\":\"" + name + "\"}")).path("id").asText();
        if (assets.length > 0) {
            HttpResponse<String> r = client.call(token, "POST", "/api/v1/collections/" + id + "/assets",
                    "{\"assetIds\":[\"" + String.join("\",\"", assets) + "\"]}");
            assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        }
        return id;
    }
}
