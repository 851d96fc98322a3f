package io.vitrine.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.vitrine.TestServer;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Typed searches and opened hits are recorded; librarians read the zero-result and low-click reports. */
class SearchAnalyticsApiTest {
    @TempDir
    static Path data;
    static TestServer server;
    static GovernanceClient gov;

    @BeforeAll
    static void start() {
        server = new TestServer(data, Map.of("VITRINE_WORKERS", "0"));
        gov = new GovernanceClient(server);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void searches_that_find_nothing_show_up_in_the_report() throws Exception {
        String consumer = gov.user("consumer", "DE");
        for (int i = 0; i < 2; i++) {
            assertThat(gov.call(consumer, "GET", "/api/v1/search?q=unicorn+parade", null).statusCode()).isEqualTo(200);
        }
        gov.call(consumer, "GET", "/api/v1/search", null);
        assertThat(gov.call(consumer, "GET", "/api/v1/analytics/searches", null).statusCode()).isEqualTo(403);

        String librarian = gov.user("librarian", "DE");
        JsonNode report = gov.json(gov.call(librarian, "GET", "/api/v1/analytics/searches?report=zero-results&days=1", null));
        assertThat(report.path("queries").get(0).path("query").asText()).isEqualTo("unicorn parade");
        assertThat(report.path("queries").get(0).path("searches").asInt()).isEqualTo(2);
        assertThat(report.path("queries").size()).isEqualTo(1);
    }

    @Test
    void clicks_are_validated_and_counted() throws Exception {
        String librarian = gov.user("librarian", "FR");
        assertThat(gov.call(librarian, "POST", "/api/v1/search/clicks", "{\"query\":\"x\"}").statusCode()).isEqualTo(400);
        assertThat(gov.call(librarian, "POST", "/api/v1/search/clicks",
                "{\"query\":\"Harbour\",\"assetId\":\"01abc\",\"position\":1}").statusCode()).isEqualTo(204);
        assertThat(gov.call(librarian, "GET", "/api/v1/analytics/searches?report=sideways", null).statusCode()).isEqualTo(400);
        assertThat(gov.call(librarian, "GET", "/api/v1/analytics/searches?report=low-clicks", null).statusCode()).isEqualTo(200);
    }
}
