package io.vitrine.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.vitrine.TestServer;
import io.vitrine.enrich.ModelServer;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** People adding and taking off concepts by hand, and deciding or editing one concept on many assets at once. */
class TagEditApiTest {
    @TempDir
    static Path data;
    static TestServer server;
    static GovernanceClient client;

    @BeforeAll
    static void start() throws Exception {
        assumeTrue(Files.isRegularFile(EnrichmentApiTest.BALLOONS) && ModelServer.installShared(data, EnrichmentApiTest.MODEL),
                "tagger model or photo absent");
        server = new TestServer(data, Map.of());
        client = new GovernanceClient(server);
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void a_concept_the_model_missed_is_added_by_hand_found_in_every_language_and_taken_off_again() throws Exception {
        String id = client.asset(901, null);
        HttpResponse<String> r = client.admin("PUT", "/api/v1/assets/" + id + "/tags/lighthouse?lang=de", null);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonNode tag = server.json(r);
        assertThat(tag.path("label").asText()).isEqualTo("Leuchtturm");
        assertThat(tag.path("status").asText()).isEqualTo("accepted");
        assertThat(tag.path("source").asText()).isEqualTo("human");
        awaitTotal("farol", 1);
        assertThat(client.admin("DELETE", "/api/v1/assets/" + id + "/tags/lighthouse", null).statusCode()).isEqualTo(204);
        awaitTotal("farol", 0);
        HttpResponse<String> again = client.admin("DELETE", "/api/v1/assets/" + id + "/tags/lighthouse", null);
        assertThat(again.statusCode()).isEqualTo(404);
        assertThat(server.json(again).path("detail").asText()).contains("rejected");
    }

    @Test
    void an_unknown_concept_cannot_be_added() throws Exception {
        String id = client.asset(902, null);
        HttpResponse<String> r = client.admin("PUT", "/api/v1/assets/" + id + "/tags/unicorn-rainbow", null);
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(server.json(r).path("detail").asText()).contains("not a concept of the vocabulary");
    }

    @Test
    void ai_tags_on_many_assets_are_rejected_in_one_request_and_each_asset_answers_for_itself() throws Exception {
        String b1 = balloons("bulk1.jpg");
        String b2 = balloons("bulk2.jpg");
        String plain = client.asset(903, null);
        String elsewhere = client.asset(904, null);
        client.restrict(elsewhere, "JP");
        String librarian = client.user("librarian", "DE");
        JsonNode r = server.json(client.call(librarian, "POST", "/api/v1/tags/bulk", "{\"concept\":\"balloon\",\"action\":\"reject\","
                + "\"assetIds\":[\"" + b1 + "\",\"" + b2 + "\",\"" + plain + "\",\"" + elsewhere + "\",\"nope\"]}"));
        assertThat(r.path("changed").asInt()).isEqualTo(2);
        assertThat(r.path("results").toString()).contains("{\"assetId\":\"" + plain + "\",\"outcome\":\"no-tag\"}")
                .contains("{\"assetId\":\"" + elsewhere + "\",\"outcome\":\"not-found\"}")
                .contains("{\"assetId\":\"nope\",\"outcome\":\"not-found\"}");
        for (String id : new String[] {b1, b2}) {
            assertThat(server.json(server.get("/api/v1/assets/" + id)).path("tags").toString()).contains("\"status\":\"rejected\"");
        }
        assertThat(client.admin("GET", "/api/v1/audit", null).body()).contains("tag.bulk").contains(b1);
    }

    @Test
    void a_concept_is_added_to_many_assets_but_never_to_one_outside_the_callers_regions() throws Exception {
        String a = client.asset(905, null);
        String hidden = client.asset(906, null);
        client.restrict(hidden, "JP");
        String librarian = client.user("librarian", "DE");
        JsonNode r = server.json(client.call(librarian, "POST", "/api/v1/tags/bulk",
                "{\"concept\":\"beach\",\"action\":\"add\",\"assetIds\":[\"" + a + "\",\"" + hidden + "\"]}"));
        assertThat(r.path("changed").asInt()).isEqualTo(1);
        assertThat(server.json(server.get("/api/v1/assets/" + hidden)).path("tags").toString()).doesNotContain("beach");
        assertThat(server.json(server.get("/api/v1/assets/" + a)).path("tags").toString()).contains("\"concept\":\"beach\"");
    }

    @Test
    void bad_bulk_requests_get_precise_problems() throws Exception {
        assertThat(detail("{\"concept\":\"beach\",\"action\":\"burn\",\"assetIds\":[\"x\"]}")).contains("accept, reject, add or remove");
        assertThat(detail("{\"action\":\"add\",\"assetIds\":[\"x\"]}")).contains("'concept' is required");
        assertThat(detail("{\"concept\":\"beach\",\"action\":\"add\",\"assetIds\":[]}")).contains("1 to 1000");
        assertThat(detail("{\"concept\":\"beach\",\"action\":\"add\",\"assetIds\":[" + "\"x\",".repeat(1000) + "\"y\"]}")).contains("1 to 1000");
        assertThat(detail("{\"concept\":\"nonsense\",\"action\":\"add\",\"assetIds\":[\"x\"]}")).contains("not a concept");
    }

    private static String detail(String body) throws Exception {
        HttpResponse<String> r = client.admin("POST", "/api/v1/tags/bulk", body);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
        return server.json(r).path("detail").asText();
    }

    private static String balloons(String name) throws Exception {
        String id = server.json(server.upload("?onDuplicate=allow", name, Files.readAllBytes(EnrichmentApiTest.BALLOONS), null))
                .path("id").asText();
        EnrichmentApiTest.await(server, id, "", a -> a.path("tags").toString().contains("\"concept\":\"balloon\""));
        return id;
    }

    private static void awaitTotal(String q, long total) throws Exception {
        for (int i = 0; i < 100; i++) {
            if (server.json(server.get("/api/v1/search?q=" + q)).path("total").asLong() == total) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("search for " + q + " never reached " + total);
    }
}
