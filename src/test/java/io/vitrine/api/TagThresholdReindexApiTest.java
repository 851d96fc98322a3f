package io.vitrine.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.vitrine.TestServer;
import io.vitrine.enrich.ModelServer;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Tag thresholds and search, end to end with the real classifier: MobileNet reads the Wartburg photo as
 * a place of worship (concept {@code church}, 0.60). With the tag threshold at 0.5, one reviewer's
 * rejection on one copy lifts the concept's bar to 0.63, over the other copy's draft: that copy must
 * leave the results for "worship" without anyone touching it, and come back when the decision turns
 * into an acceptance (the bar drops to 0.47). The search sorts by date, so only the keyword (tags)
 * match decides, not the semantic ranking.
 */
class TagThresholdReindexApiTest {
    static final Path WARTBURG = Path.of("../shared/corpus/photos/imagingbook/WartburgSmall.jpg");
    static final String QUERY = "/api/v1/search?q=worship&sort=newest&limit=50";

    @TempDir
    static Path data;
    static TestServer server;
    static GovernanceClient gov;

    @BeforeAll
    static void start() throws Exception {
        assumeTrue(Files.isRegularFile(WARTBURG) && ModelServer.installShared(data, "mobilenetv2-12-int8"),
                "../shared model or photos absent; skipping");
        server = new TestServer(data, Map.of("VITRINE_TAG_THRESHOLD", "0.5"));
        gov = new GovernanceClient(server);
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    /** Uploads the photo and waits until its church draft is stored and every job (the re-index too) has run. */
    private static String wartburg(String name) throws Exception {
        String id = server.json(server.upload("?onDuplicate=allow", name, Files.readAllBytes(WARTBURG), null)).path("id").asText();
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (church(id) == null || server.vitrine().jobs().pending() > 0) {
            assertThat(System.nanoTime()).as("church draft on " + id).isLessThan(deadline);
            Thread.sleep(150);
        }
        return id;
    }

    private static JsonNode church(String id) throws Exception {
        for (JsonNode t : server.json(server.get("/api/v1/assets/" + id)).path("tags")) {
            if (t.path("concept").asText().equals("church")) {
                return t;
            }
        }
        return null;
    }

    private static void awaitFound(String id, boolean present) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (server.json(server.get(QUERY)).path("hits").findValuesAsText("id").contains(id) != present) {
            assertThat(System.nanoTime()).as("'worship' should " + (present ? "" : "not ") + "find " + id).isLessThan(deadline);
            Thread.sleep(150);
        }
    }

    private static double threshold() throws Exception {
        return server.json(server.get("/api/v1/concepts/church")).path("threshold").path("value").asDouble();
    }

    private static void decide(String id, String status) throws Exception {
        HttpResponse<String> r = gov.admin("PATCH", "/api/v1/assets/" + id + "/tags/church", "{\"status\":\"" + status + "\"}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    }

    @Test
    void a_decision_that_lifts_a_concepts_threshold_over_other_assets_drafts_takes_them_out_of_search_and_back() throws Exception {
        String decided = wartburg("wartburg-decided.jpg");
        String other = wartburg("wartburg-other.jpg");
        double confidence = church(other).path("confidence").asDouble();
        assertThat(church(other).path("status").asText()).isEqualTo("draft");
        assertThat(confidence).isBetween(0.5, 0.63);
        awaitFound(other, true);

        decide(decided, "rejected");
        assertThat(threshold()).as("one rejection lifts the bar over the other copy's draft").isGreaterThan(confidence);
        awaitFound(other, false);
        assertThat(church(other).path("status").asText()).as("the draft itself stays, decidable").isEqualTo("draft");

        decide(decided, "accepted");
        assertThat(threshold()).as("the rejection became an acceptance").isLessThan(0.5);
        awaitFound(other, true);
        awaitFound(decided, true);
    }
}
