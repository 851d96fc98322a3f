package io.vitrine.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.vitrine.TestServer;
import io.vitrine.api.GovernanceClient;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Lifecycle rules as data: campaign end archives, licences about to end warn once, a new brand guideline sends released assets back to review. */
class LifecycleRulesApiTest {
    @TempDir
    static Path data;
    static TestServer server;
    static GovernanceClient client;

    @BeforeAll
    static void start() throws Exception {
        server = new TestServer(data, Map.of("VITRINE_WORKERS", "2"));
        client = new GovernanceClient(server);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static JsonNode run(boolean dryRun) throws Exception {
        HttpResponse<String> r = client.admin("POST", "/api/v1/lifecycle/run" + (dryRun ? "?dryRun=true" : ""), null);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return server.json(r);
    }

    private static String state(String id) throws Exception {
        return server.json(client.admin("GET", "/api/v1/assets/" + id, null)).path("workflow").path("state").asText();
    }

    private static String day(int fromToday) {
        return LocalDate.now(ZoneOffset.UTC).plusDays(fromToday).toString();
    }

    @Test
    void the_rules_are_listed_as_data_and_replaced_only_with_valid_ones() throws Exception {
        JsonNode rules = server.json(client.admin("GET", "/api/v1/lifecycle/rules", null)).path("rules");
        assertThat(rules.toString()).contains("\"trigger\":\"licence-ended\",\"action\":\"quarantine\"")
                .contains("\"trigger\":\"campaign-ended\",\"action\":\"archive\"")
                .contains("\"trigger\":\"licence-ending\",\"action\":\"warn\",\"withinDays\":14");
        HttpResponse<String> bad = client.admin("PUT", "/api/v1/lifecycle/rules",
                "{\"rules\":[{\"id\":\"x\",\"trigger\":\"licence-ending\",\"action\":\"archive\"}]}");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(server.json(bad).path("detail").asText()).contains("licence-ending cannot archive");
        assertThat(server.json(client.admin("PUT", "/api/v1/lifecycle/rules", "{\"rules\":[{\"id\":\"x\",\"trigger\":\"soon\",\"action\":\"warn\"}]}"))
                .path("detail").asText()).contains("unknown trigger 'soon'");
        String librarian = client.user("librarian", "DE");
        assertThat(client.call(librarian, "PUT", "/api/v1/lifecycle/rules", "{\"rules\":[]}").statusCode()).isEqualTo(403);
        assertThat(client.call(librarian, "GET", "/api/v1/lifecycle/rules", null).statusCode()).isEqualTo(200);
    }

    @Test
    void a_published_asset_whose_campaign_ended_is_archived_and_a_dry_run_changes_nothing() throws Exception {
        String id = client.asset(1101, null);
        client.approve(id);
        assertThat(client.admin("POST", "/api/v1/assets/" + id + "/transitions", "{\"to\":\"published\"}").statusCode()).isEqualTo(200);
        JsonNode facts = server.json(client.admin("PATCH", "/api/v1/assets/" + id + "/lifecycle", "{\"campaignEnd\":\"" + day(-1) + "\"}"));
        assertThat(facts.path("campaignEnd").asText()).startsWith(day(-1));
        assertThat(run(true).path("actions").toString()).contains(id).contains("archive");
        assertThat(state(id)).isEqualTo("published");
        assertThat(run(false).path("actions").toString()).contains(id).contains("its campaign ended");
        assertThat(state(id)).isEqualTo("archived");
        assertThat(run(false).path("actions").toString()).doesNotContain(id);
    }

    @Test
    void a_licence_about_to_end_warns_once() throws Exception {
        String id = client.asset(1102, null);
        client.attach(id, client.licence("{\"channels\":[\"web\"],\"end\":\"" + day(5) + "\"}"));
        assertThat(run(false).path("actions").toString()).contains(id).contains("within 14 days");
        assertThat(client.admin("GET", "/api/v1/lifecycle/warnings", null).body()).contains(id).contains("licence-ending-warn");
        assertThat(run(false).path("actions").toString()).doesNotContain(id);
        String other = client.user("consumer", "FR");
        client.restrict(id, "DE");
        assertThat(client.call(client.user("legal", "FR"), "GET", "/api/v1/lifecycle/warnings", null).body()).doesNotContain(id);
        assertThat(other).isNotBlank();
    }

    @Test
    void a_new_brand_guideline_sends_released_assets_back_to_review_once() throws Exception {
        String released = client.asset(1103, null);
        client.approve(released);
        String draft = client.asset(1104, null);
        assertThat(client.admin("PUT", "/api/v1/lifecycle/guideline", "{\"version\":\"2027.1\"}").statusCode()).isEqualTo(200);
        JsonNode actions = run(false).path("actions");
        assertThat(actions.toString()).contains(released).contains("now 2027.1").doesNotContain(draft);
        assertThat(state(released)).isEqualTo("in_review");
        assertThat(server.json(client.admin("GET", "/api/v1/assets/" + released + "/lifecycle", null)).path("guidelineVersion").asText())
                .isEqualTo("2027.1");
        assertThat(run(false).path("actions").toString()).doesNotContain(released);
    }

    @Test
    void bad_lifecycle_input_gets_precise_problems() throws Exception {
        String id = client.asset(1105, null);
        assertThat(server.json(client.admin("PATCH", "/api/v1/assets/" + id + "/lifecycle", "{\"campaignEnd\":\"soon\"}")).path("detail")
                .asText()).contains("must be a date");
        assertThat(server.json(client.admin("PATCH", "/api/v1/assets/" + id + "/lifecycle", "{\"owner\":1}")).path("detail").asText())
                .contains("unknown field 'owner'");
        assertThat(server.json(client.admin("PUT", "/api/v1/lifecycle/guideline", "{}")).path("detail").asText()).contains("'version'");
    }
}
