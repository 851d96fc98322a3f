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

/** Faces found on a portrait are confirmed or rejected from the detail page; rejecting the only face clears the people flag. */
class WebUiFaceReviewTest {
    static final Path PORTRAIT = Path.of("../shared/corpus/photos/python-matplotlib-data/grace_hopper.jpg");

    @TempDir
    static Path data;
    static TestServer server;
    static GovernanceClient gov;
    static String asset;

    @BeforeAll
    static void start() throws Exception {
        assumeTrue(Files.isRegularFile(PORTRAIT) && ModelServer.installShared(data, "yunet_n_640_640"), "face model or portrait absent");
        server = new TestServer(data, Map.of());
        gov = new GovernanceClient(server);
        asset = server.json(server.upload("?onDuplicate=allow", "grace.jpg", Files.readAllBytes(PORTRAIT), null)).path("id").asText();
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (!server.get("/api/v1/assets/" + asset).body().contains("\"faces\":[{") && System.nanoTime() < deadline) {
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
    void a_librarian_rejects_a_face_and_the_asset_no_longer_counts_people() throws Exception {
        WebUiGovernanceTest.Browser librarian = WebUiGovernanceTest.signIn(server, gov.user("librarian"));
        String page = librarian.get("/assets/" + asset).body();
        assertThat(page).contains("data-face=\"1\"").contains("Reject face 1");
        String csrf = WebUiGovernanceTest.csrf(page);
        String rejected = librarian.post("/assets/" + asset + "/faces/1", "_csrf=" + csrf + "&status=rejected").body();
        assertThat(rejected).contains("chip chip-rejected\" data-face=\"1\"");
        var json = server.json(server.get("/api/v1/assets/" + asset));
        assertThat(json.path("faces").get(0).path("status").asText()).isEqualTo("rejected");
        assertThat(json.path("portraitRightsNeeded").asBoolean()).isFalse();
        assertThat(gov.admin("GET", "/api/v1/audit?limit=200", null).body()).contains("face.decide");
        assertThat(librarian.post("/assets/" + asset + "/faces/9", "_csrf=" + csrf + "&status=accepted").statusCode()).isEqualTo(400);
    }

    @Test
    void a_reviewer_sees_the_faces_but_cannot_decide() throws Exception {
        WebUiGovernanceTest.Browser reviewer = WebUiGovernanceTest.signIn(server, gov.user("reviewer"));
        String page = reviewer.get("/assets/" + asset).body();
        assertThat(page).contains("data-face=\"1\"").doesNotContain("Reject face 1");
        assertThat(reviewer.post("/assets/" + asset + "/faces/1", "_csrf=" + WebUiGovernanceTest.csrf(page) + "&status=accepted")
                .statusCode()).isEqualTo(403);
    }
}
