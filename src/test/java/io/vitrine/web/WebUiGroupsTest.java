package io.vitrine.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.vitrine.TestServer;
import io.vitrine.api.GovernanceClient;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The administrator's group pages: a group made, given roles, regions and a collection restriction,
 * filled with people and emptied again through the API's {@code GroupService}, with its checks and audit.
 */
class WebUiGroupsTest {
    @TempDir
    static Path data;
    static TestServer server;
    static GovernanceClient gov;
    static WebUiGovernanceTest.Browser admin;
    static String csrf;

    @BeforeAll
    static void start() throws Exception {
        server = new TestServer(data, Map.of());
        gov = new GovernanceClient(server);
        admin = WebUiGovernanceTest.signIn(server, TestServer.TOKEN);
        csrf = WebUiGovernanceTest.csrf(admin.get("/admin/groups").body());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static HttpResponse<String> post(String path, String... fields) throws Exception {
        StringBuilder form = new StringBuilder("_csrf=" + csrf);
        for (int i = 0; i < fields.length; i += 2) {
            form.append('&').append(fields[i]).append('=').append(URLEncoder.encode(fields[i + 1], StandardCharsets.UTF_8));
        }
        return admin.post(path, form.toString());
    }

    @Test
    void an_admin_makes_a_group_restricts_it_to_a_collection_and_manages_its_members() throws Exception {
        String collection = server.json(gov.admin("POST", "/api/v1/collections", "{\"name\":\"Press kit\"}")).path("id").asText();
        JsonNode maria = server.json(gov.admin("POST", "/api/v1/users", "{\"name\":\"maria\",\"roles\":[\"consumer\"]}"));
        assertThat(admin.get("/").body()).contains("href=\"/admin/groups\">Groups</a>");

        HttpResponse<String> created = post("/admin/groups", "name", "Agency partners", "description", "Outside agency",
                "role", "consumer", "role", "reviewer", "regions", "de, fr", "collection", collection);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(303);
        String path = created.headers().firstValue("Location").orElseThrow();
        String id = path.substring(path.lastIndexOf('/') + 1);
        JsonNode api = server.json(gov.admin("GET", "/api/v1/groups/" + id, null));
        assertThat(api.path("roles").toString()).contains("consumer").contains("reviewer");
        assertThat(api.path("regions").toString()).contains("DE").contains("FR");
        assertThat(api.path("collections").toString()).contains(collection);
        assertThat(admin.get("/admin/groups").body()).as("named, not by id").contains("Agency partners").contains("only Press kit");

        String page = admin.get(path).body();
        assertThat(page).as("picked from the collections by name, ticked as stored")
                .containsPattern("<input type=\"checkbox\" name=\"collection\" value=\"" + collection + "\" checked> Press kit");
        assertThat(page).contains("<option value=\"" + maria.path("id").asText() + "\">maria (consumer)</option>");
        assertThat(post(path + "/members", "user", maria.path("id").asText()).body()).contains("Member added.").contains("data-member=\"");
        assertThat(server.json(gov.admin("GET", "/api/v1/groups/" + id, null)).path("members").toString()).contains("maria");

        HttpResponse<String> saved = post(path, "name", "Agency partners", "description", "", "role", "consumer", "regions", "DE");
        assertThat(saved.body()).contains("Saved.");
        api = server.json(gov.admin("GET", "/api/v1/groups/" + id, null));
        assertThat(api.path("roles").toString()).isEqualTo("[\"consumer\"]");
        assertThat(api.path("collections").isNull()).as("none ticked lifts the restriction").isTrue();

        assertThat(post(path + "/members/" + maria.path("id").asText() + "/remove").body()).contains("Member removed.");
        assertThat(post(path + "/members/" + maria.path("id").asText() + "/remove").statusCode()).isEqualTo(404);
        assertThat(post(path + "/delete").statusCode()).isEqualTo(303);
        assertThat(gov.admin("GET", "/api/v1/groups/" + id, null).statusCode()).isEqualTo(404);
        assertThat(admin.get(path).statusCode()).isEqualTo(404);
        assertThat(gov.admin("GET", "/api/v1/audit", null).body()).contains("group.create").contains("group.member.add")
                .contains("group.member.remove").contains("group.delete");
    }

    @Test
    void invalid_input_is_refused_beside_the_form_and_other_roles_cannot_open_the_pages() throws Exception {
        HttpResponse<String> badRegion = post("/admin/groups", "name", "Wrong", "role", "consumer", "regions", "Germany");
        assertThat(badRegion.statusCode()).isEqualTo(400);
        assertThat(badRegion.body()).contains("id=\"group-problem\"").contains("value=\"Wrong\"");
        assertThat(post("/admin/groups", "name", "Unknown collection", "collection", "col_nope").body()).contains("does not exist")
                .as("the unknown id stays ticked beside the refusal").contains("value=\"col_nope\" checked> unknown collection col_nope");
        assertThat(post("/admin/groups", "name", "a,b").statusCode()).isEqualTo(400);
        var librarian = WebUiGovernanceTest.signIn(server, gov.user("librarian"));
        assertThat(librarian.get("/admin/groups").statusCode()).isEqualTo(403);
        assertThat(librarian.get("/").body()).doesNotContain("/admin/groups");
        assertThat(admin.get("/admin/groups/grp_nope").statusCode()).isEqualTo(404);
    }
}
