package io.vitrine.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.vitrine.TestServer;
import io.vitrine.api.GovernanceClient;
import io.vitrine.enrich.ModelServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** AI tags on the detail page: shown as drafts, accepted or rejected with one click by those allowed, audited. */
class WebUiTagReviewTest {
    static final String MODEL = "mobilenetv2-12-int8";
    static final Path BALLOONS = Path.of("../shared/corpus/photos/imagingbook/Balloons600.jpg");

    @TempDir
    static Path data;
    static TestServer server;
    static GovernanceClient gov;
    static String asset;

    @BeforeAll
    static void start() throws Exception {
        assumeTrue(Files.isRegularFile(BALLOONS) && ModelServer.installShared(data, MODEL),
                "../shared model or photos absent; skipping");
        server = new TestServer(data, Map.of());
        gov = new GovernanceClient(server);
        asset = server.json(server.upload("?onDuplicate=allow", "b.jpg", Files.readAllBytes(BALLOONS), null)).path("id").asText();
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (!server.get("/api/v1/assets/" + asset).body().contains("\"concept\":\"balloon\"")) {
            assertThat(System.nanoTime()).as("balloon tag never appeared").isLessThan(deadline);
            Thread.sleep(200);
        }
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void a_librarian_accepts_and_rejects_ai_tags_from_the_detail_page() throws Exception {
        WebUiGovernanceTest.Browser librarian = WebUiGovernanceTest.signIn(server, gov.user("librarian", "DE"));
        String page = librarian.get("/assets/" + asset).body();
        assertThat(page).contains("data-concept=\"balloon\"").contains("AI draft").contains("Accept tag");
        assertThat(page).contains("Caption draft (AI, template@1): Image of balloon");
        String csrf = WebUiGovernanceTest.csrf(page);

        String accepted = librarian.post("/assets/" + asset + "/tags/balloon", "_csrf=" + csrf + "&status=accepted").body();
        assertThat(accepted).contains("chip chip-accepted\" data-concept=\"balloon\"");
        assertThat(server.json(server.get("/api/v1/assets/" + asset)).path("tags").toString()).contains("\"status\":\"accepted\"");

        String rejected = librarian.post("/assets/" + asset + "/tags/balloon", "_csrf=" + csrf + "&status=rejected").body();
        assertThat(rejected).contains("chip chip-rejected\" data-concept=\"balloon\"");
        assertThat(gov.admin("GET", "/api/v1/audit?limit=200", null).body()).contains("tag.decide");
        assertThat(librarian.post("/assets/" + asset + "/tags/balloon", "_csrf=" + csrf + "&status=maybe").statusCode()).isEqualTo(400);
    }

    @Test
    void a_reviewer_sees_the_tags_in_her_language_but_cannot_decide() throws Exception {
        WebUiGovernanceTest.Browser reviewer = WebUiGovernanceTest.signIn(server, gov.user("reviewer", "DE"));
        String page = reviewer.get("/assets/" + asset + "?lang=de").body();
        assertThat(page).contains("Ballon").doesNotContain("Accept tag");
        assertThat(reviewer.post("/assets/" + asset + "/tags/balloon", "_csrf=" + WebUiGovernanceTest.csrf(page) + "&status=accepted")
                .statusCode()).isEqualTo(403);
    }
}
