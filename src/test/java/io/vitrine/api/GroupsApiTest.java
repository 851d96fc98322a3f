package io.vitrine.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.vitrine.TestServer;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Groups through the real server: what they give their members, at once, and who may manage them. */
class GroupsApiTest {
    @TempDir
    static Path data;

    static TestServer server;
    static GovernanceClient client;
    static String french;
    static String open;
    static String collection;

    @BeforeAll
    static void start() throws Exception {
        server = new TestServer(data, Map.of());
        client = new GovernanceClient(server);
        french = client.asset(701, "{\"keywords\":[\"groupfixture\"]}");
        client.restrict(french, "FR");
        open = client.asset(702, "{\"keywords\":[\"groupfixture\"]}");
        collection = client.json(client.admin("POST", "/api/v1/collections", "{\"name\":\"brand a\"}")).path("id").asText();
        client.admin("POST", "/api/v1/collections/" + collection + "/assets", "{\"assetIds\":[\"" + open + "\"]}");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static String group(String body) throws Exception {
        HttpResponse<String> r = client.admin("POST", "/api/v1/groups", body);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return client.json(r).path("id").asText();
    }

    private static String userId(String name) throws Exception {
        return client.json(client.admin("POST", "/api/v1/users", "{\"name\":\"" + name + "\",\"roles\":[\"consumer\"],\"regions\":[\"DE\"]}"))
                .path("id").asText();
    }

    @Test
    void a_group_adds_its_roles_and_regions_to_its_members_at_their_next_request() throws Exception {
        JsonNode created = client.json(client.admin("POST", "/api/v1/users", "{\"name\":\"dora\",\"roles\":[\"consumer\"],\"regions\":[\"DE\"]}"));
        String dora = created.path("id").asText();
        String token = created.path("token").asText();
        assertThat(client.call(token, "GET", "/api/v1/assets/" + french, null).statusCode()).isEqualTo(404);
        assertThat(client.call(token, "POST", "/api/v1/licences", "{\"bogus\":1}").statusCode()).isEqualTo(403);
        String g = group("{\"name\":\"France librarians\",\"roles\":[\"librarian\"],\"regions\":[\"fr\"]}");
        assertThat(client.admin("PUT", "/api/v1/groups/" + g + "/members/" + dora, null).statusCode()).isEqualTo(204);
        assertThat(client.call(token, "GET", "/api/v1/assets/" + french, null).statusCode()).isEqualTo(200);
        assertThat(client.call(token, "POST", "/api/v1/licences", "{\"bogus\":1}").statusCode()).as("librarian now").isEqualTo(400);
        JsonNode detail = client.json(client.admin("GET", "/api/v1/groups/" + g, null));
        assertThat(detail.path("regions").toString()).isEqualTo("[\"FR\"]");
        assertThat(detail.path("members").path(0).path("userId").asText()).isEqualTo(dora);
        assertThat(detail.path("members").path(0).path("source").asText()).isEqualTo("admin");
        assertThat(client.json(client.admin("GET", "/api/v1/users/" + dora, null)).path("groups").toString()).contains(g);
        assertThat(client.admin("DELETE", "/api/v1/groups/" + g + "/members/" + dora, null).statusCode()).isEqualTo(204);
        assertThat(client.call(token, "GET", "/api/v1/assets/" + french, null).statusCode()).isEqualTo(404);
        assertThat(client.call(token, "POST", "/api/v1/licences", "{\"bogus\":1}").statusCode()).isEqualTo(403);
    }

    @Test
    void a_group_limited_to_collections_limits_its_members_until_the_limit_is_lifted() throws Exception {
        JsonNode created = client.json(client.admin("POST", "/api/v1/users", "{\"name\":\"emil\",\"roles\":[\"consumer\"],\"regions\":[\"FR\"]}"));
        String token = created.path("token").asText();
        assertThat(client.call(token, "GET", "/api/v1/assets/" + french, null).statusCode()).isEqualTo(200);
        String g = group("{\"name\":\"Brand A agency\",\"collections\":[\"" + collection + "\"]}");
        client.admin("PUT", "/api/v1/groups/" + g + "/members/" + created.path("id").asText(), null);
        assertThat(client.call(token, "GET", "/api/v1/assets/" + french, null).statusCode()).as("not in the group's collection").isEqualTo(404);
        assertThat(client.call(token, "GET", "/api/v1/assets/" + open, null).statusCode()).isEqualTo(200);
        assertThat(client.call(token, "GET", "/api/v1/assets?limit=100", null).body()).contains(open).doesNotContain(french);
        HttpResponse<String> lifted = client.admin("PATCH", "/api/v1/groups/" + g, "{\"collections\":null}");
        assertThat(client.json(lifted).path("collections").isNull()).isTrue();
        assertThat(client.call(token, "GET", "/api/v1/assets/" + french, null).statusCode()).isEqualTo(200);
    }

    @Test
    void only_an_admin_manages_groups_and_every_change_is_audited() throws Exception {
        String librarian = client.user("librarian", "DE");
        HttpResponse<String> refused = client.call(librarian, "POST", "/api/v1/groups", "{\"name\":\"mine\"}");
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(client.json(refused).path("detail").asText()).contains("user.manage");
        assertThat(client.call(librarian, "GET", "/api/v1/groups", null).statusCode()).isEqualTo(403);
        String g = group("{\"name\":\"Audited\",\"description\":\"for the trail\"}");
        String u = userId("fritz");
        client.admin("PUT", "/api/v1/groups/" + g + "/members/" + u, null);
        client.admin("PATCH", "/api/v1/groups/" + g, "{\"regions\":[\"AT\"]}");
        client.admin("DELETE", "/api/v1/groups/" + g + "/members/" + u, null);
        assertThat(client.admin("DELETE", "/api/v1/groups/" + g, null).statusCode()).isEqualTo(204);
        assertThat(client.admin("GET", "/api/v1/groups/" + g, null).statusCode()).isEqualTo(404);
        String trail = auditTrail();
        for (String action : new String[] {"group.create", "group.member.add", "group.update", "group.member.remove", "group.delete"}) {
            assertThat(trail).as(action).contains("\"" + action + "\"");
        }
        assertThat(client.json(client.admin("GET", "/api/v1/audit/verify", null)).path("valid").asBoolean()).isTrue();
    }

    @Test
    void bad_group_requests_are_refused_precisely() throws Exception {
        group("{\"name\":\"Taken\"}");
        assertProblem(client.admin("POST", "/api/v1/groups", "{\"name\":\"Taken\"}"), 409, "already exists");
        assertProblem(client.admin("POST", "/api/v1/groups", "{\"name\":\"x\",\"roles\":[\"king\"]}"), 400, "unknown role 'king'");
        assertProblem(client.admin("POST", "/api/v1/groups", "{\"name\":\"x\",\"regions\":[\"XX\"]}"), 400, "'XX'");
        assertProblem(client.admin("POST", "/api/v1/groups", "{\"name\":\"x\",\"collections\":[\"nope\"]}"), 400, "collection 'nope' does not exist");
        assertProblem(client.admin("POST", "/api/v1/groups", "{\"name\":\"\"}"), 400, "'name'");
        assertProblem(client.admin("POST", "/api/v1/groups", "{\"name\":\"a,b\"}"), 400, "without commas");
        assertProblem(client.admin("POST", "/api/v1/groups", "{\"name\":\"x\",\"owner\":1}"), 400, "unknown group field 'owner'");
        assertProblem(client.admin("POST", "/api/v1/groups", "[1]"), 400, "JSON object");
        String g = group("{\"name\":\"Members\"}");
        assertProblem(client.admin("PUT", "/api/v1/groups/" + g + "/members/nobody", null), 400, "user 'nobody' does not exist");
        assertProblem(client.admin("PUT", "/api/v1/groups/nogroup/members/nobody", null), 404, "no group 'nogroup'");
        assertProblem(client.admin("DELETE", "/api/v1/groups/" + g + "/members/nobody", null), 404, "not a member");
        assertProblem(client.admin("PATCH", "/api/v1/users/nobody", "{\"collections\":[]}"), 404, "no user 'nobody'");
        assertProblem(client.admin("PATCH", "/api/v1/users/" + userId("gus"), "{\"roles\":[]}"), 400, "unknown user field 'roles'");
    }

    /** Every page of the audit export, oldest first. */
    static String auditTrail() throws Exception {
        StringBuilder all = new StringBuilder();
        String cursor = null;
        do {
            JsonNode page = client.json(client.admin("GET", "/api/v1/audit?limit=200" + (cursor == null ? "" : "&cursor=" + cursor), null));
            all.append(page.path("events"));
            cursor = page.path("nextCursor").isTextual() ? page.path("nextCursor").asText() : null;
        } while (cursor != null);
        return all.toString();
    }

    private static void assertProblem(HttpResponse<String> r, int status, String detail) throws Exception {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).contains("problem+json");
        assertThat(client.json(r).path("detail").asText()).contains(detail);
    }
}
