package io.vitrine.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.vitrine.TestServer;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A partner outside the company sees approved and published assets only: never work in progress, in any list, search or route. */
class ExternalPartnerTest {
    @TempDir
    static Path data;
    static TestServer server;
    static GovernanceClient client;
    static String released;
    static String draft;
    static String partner;

    @BeforeAll
    static void start() throws Exception {
        server = new TestServer(data, Map.of());
        client = new GovernanceClient(server);
        released = client.asset(1301, "{\"keywords\":[\"partnerkit\"]}");
        client.approve(released);
        draft = client.asset(1302, "{\"keywords\":[\"partnerkit\"]}");
        partner = client.user("external", "DE");
        for (int i = 0; i < 300 && client.json(client.admin("GET", "/api/v1/search?keywords=partnerkit&workflow=approved", null))
                .path("total").asLong() < 1; i++) {
            Thread.sleep(100);
        }
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void search_totals_and_facets_hold_released_assets_only() throws Exception {
        var r = client.json(client.call(partner, "GET", "/api/v1/search?keywords=partnerkit", null));
        assertThat(r.path("total").asLong()).isEqualTo(1);
        assertThat(r.path("hits").toString()).contains(released).doesNotContain(draft);
        assertThat(r.path("facets").path("keywords").toString()).contains("\"count\":1");
        var asked = client.json(client.call(partner, "GET", "/api/v1/search?keywords=partnerkit&workflow=draft", null));
        assertThat(asked.path("total").asLong()).as("asking for drafts finds none").isZero();
    }

    @Test
    void an_unreleased_asset_answers_like_an_unknown_one_and_is_left_out_of_lists() throws Exception {
        assertThat(client.call(partner, "GET", "/api/v1/assets/" + released, null).statusCode()).isEqualTo(200);
        var hidden = client.call(partner, "GET", "/api/v1/assets/" + draft, null);
        assertThat(hidden.statusCode()).isEqualTo(404);
        assertThat(client.json(hidden).path("type").asText()).isEqualTo("/problems/not-found");
        assertThat(client.call(partner, "GET", "/api/v1/assets?limit=200", null).body()).contains(released).doesNotContain(draft);
        assertThat(client.call(client.user("consumer", "DE"), "GET", "/api/v1/assets/" + draft, null).statusCode())
                .as("colleagues inside the company still see drafts").isEqualTo(200);
    }
}
