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
 * Releases and {@code people-without-release} end to end: the real server with the real YuNet face
 * detector; attaching or taking off a release re-runs the risk step (a durable job), so the stored
 * flag and the {@code risk} facet follow, and reviewers' decisions stay unless the release made them moot.
 */
class RiskReleaseApiTest {
    @TempDir
    static Path data;
    static TestServer server;
    static GovernanceClient gov;
    static String legal;

    @BeforeAll
    static void start() throws Exception {
        assumeTrue(Files.isRegularFile(PORTRAIT) && ModelServer.installShared(data, "yunet_n_640_640"),
                "../shared models or photos absent; skipping");
        server = new TestServer(data, Map.of());
        gov = new GovernanceClient(server);
        legal = gov.user("legal");
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    private static String upload(String name) throws Exception {
        return server.json(server.upload("?onDuplicate=allow", name, Files.readAllBytes(PORTRAIT), null)).path("id").asText();
    }

    private static JsonNode awaitRisk(String id, String flag) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        JsonNode r;
        while ((r = risk(id, flag)) == null) {
            assertThat(System.nanoTime()).as("asset " + id + " never got risk flag " + flag).isLessThan(deadline);
            Thread.sleep(200);
        }
        return r;
    }

    private static void awaitSearch(String query, String id, boolean present) throws Exception {
        server.awaitSearch(query, id, present, Duration.ofSeconds(60));
    }

    private static HttpResponse<String> decide(String token, String id, String flag, String body) throws Exception {
        return gov.call(token, "PATCH", "/api/v1/assets/" + id + "/risks/" + flag, body);
    }

    static final Path PORTRAIT = Path.of("../shared/corpus/photos/python-matplotlib-data/grace_hopper.jpg");
    static final String PEOPLE = "people-without-release";

    /** The asset's flag, or null. */
    private static JsonNode risk(String id, String flag) throws Exception {
        for (JsonNode r : server.json(server.get("/api/v1/assets/" + id)).path("risks")) {
            if (r.path("flag").asText().equals(flag)) {
                return r;
            }
        }
        return null;
    }

    /** Every queued job has run (the release's risk step and the re-index after it). */
    private static void awaitIdle() throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (server.vitrine().jobs().pending() > 0) {
            assertThat(System.nanoTime()).as("jobs still pending").isLessThan(deadline);
            Thread.sleep(100);
        }
    }

    private static String release() throws Exception {
        return gov.licence("{\"kind\":\"release\",\"channels\":[\"web\"],\"licensor\":\"the sitter\"}");
    }

    private static HttpResponse<String> detach(String id, String licence) throws Exception {
        return gov.admin("DELETE", "/api/v1/assets/" + id + "/licences/" + licence, null);
    }

    @Test
    void attaching_a_release_clears_the_stored_people_flag_and_the_facet_and_taking_it_off_raises_them_again() throws Exception {
        String id = upload("hopper-release.jpg");
        awaitRisk(id, PEOPLE);
        awaitSearch("risk=" + PEOPLE, id, true);

        String release = release();
        gov.attach(id, release);
        awaitSearch("risk=" + PEOPLE, id, false);
        awaitIdle();
        assertThat(risk(id, PEOPLE)).as("the stored draft follows the release").isNull();

        HttpResponse<String> off = detach(id, release);
        assertThat(off.statusCode()).as(off.body()).isEqualTo(204);
        assertThat(awaitRisk(id, PEOPLE).path("status").asText()).isEqualTo("draft");
        awaitSearch("risk=" + PEOPLE, id, true);
        assertThat(detach(id, release).statusCode()).as("taking off again changes nothing").isEqualTo(204);
        assertThat(detach(id, "no-such-licence").statusCode()).isEqualTo(404);
        StringBuilder audit = new StringBuilder();
        String cursor = "";
        do {
            JsonNode page = server.json(gov.admin("GET", "/api/v1/audit?limit=200" + cursor, null));
            audit.append(page.path("events"));
            cursor = page.path("nextCursor").isTextual() ? "&cursor=" + page.path("nextCursor").asText() : null;
        } while (cursor != null);
        assertThat(audit.toString()).contains("licence.detach").contains(release);
    }

    @Test
    void a_people_flag_accepted_before_the_release_came_is_cleared_by_it_but_a_rejected_one_stays_rejected() throws Exception {
        String accepted = upload("hopper-accepted.jpg");
        String rejected = upload("hopper-rejected.jpg");
        awaitRisk(accepted, PEOPLE);
        awaitRisk(rejected, PEOPLE);
        assertThat(decide(legal, accepted, PEOPLE, "{\"status\":\"accepted\"}").statusCode()).isEqualTo(200);
        assertThat(decide(legal, rejected, PEOPLE, "{\"status\":\"rejected\"}").statusCode()).isEqualTo(200);
        awaitSearch("risk=" + PEOPLE, accepted, true);
        awaitSearch("risk=" + PEOPLE, rejected, false);

        String release = release();
        gov.attach(accepted, release);
        gov.attach(rejected, release);
        awaitSearch("risk=" + PEOPLE, accepted, false);
        awaitIdle();
        assertThat(risk(accepted, PEOPLE)).as("the release answered what the reviewer confirmed").isNull();
        assertThat(risk(rejected, PEOPLE).path("status").asText()).isEqualTo("rejected");

        assertThat(detach(rejected, release).statusCode()).isEqualTo(204);
        awaitIdle();
        assertThat(risk(rejected, PEOPLE).path("status").asText()).as("the faces did not change: her word stands").isEqualTo("rejected");
        assertThat(server.finds("risk=" + PEOPLE, rejected)).isFalse();
    }

    @Test
    void a_release_whose_period_ends_raises_the_people_flag_and_facet_again_at_the_next_lifecycle_run() throws Exception {
        String id = upload("hopper-release-ends.jpg");
        awaitRisk(id, PEOPLE);
        java.time.Instant end = java.time.Instant.now().plusSeconds(4);
        String release = gov.licence("{\"kind\":\"release\",\"channels\":[\"web\"],\"licensor\":\"the sitter\",\"end\":\""
                + end + "\"}");
        gov.attach(id, release);
        awaitSearch("risk=" + PEOPLE, id, false);
        awaitIdle();
        assertThat(risk(id, PEOPLE)).as("in force: the release answers the flag").isNull();

        while (java.time.Instant.now().isBefore(end.plusMillis(200))) {
            Thread.sleep(100);
        }
        JsonNode dry = server.json(gov.admin("POST", "/api/v1/lifecycle/run?dryRun=true", null));
        assertThat(dry.path("actions").toString()).contains(id).contains("\"rule\":\"release-ended\"")
                .contains("\"action\":\"assess-risk\"").contains(release);
        JsonNode run = server.json(gov.admin("POST", "/api/v1/lifecycle/run", null));
        assertThat(run.path("actions").findValuesAsText("assetId")).contains(id);
        assertThat(awaitRisk(id, PEOPLE).path("status").asText()).as("the lapsed release no longer answers it").isEqualTo("draft");
        awaitSearch("risk=" + PEOPLE, id, true);
        JsonNode again = server.json(gov.admin("POST", "/api/v1/lifecycle/run", null));
        assertThat(again.path("actions").findValuesAsText("assetId")).as("each ended release is handled once").doesNotContain(id);
    }
    @Test
    void a_release_attached_before_its_start_answers_the_people_flag_only_from_the_lifecycle_run_after_its_start() throws Exception {
        String id = upload("hopper-release-starts.jpg");
        awaitRisk(id, PEOPLE);
        assertThat(decide(legal, id, PEOPLE, "{\"status\":\"accepted\"}").statusCode()).isEqualTo(200);
        java.time.Instant start = java.time.Instant.now().plusSeconds(4);
        String release = gov.licence("{\"kind\":\"release\",\"channels\":[\"web\"],\"licensor\":\"the sitter\",\"start\":\""
                + start + "\"}");
        gov.attach(id, release);
        awaitIdle();
        assertThat(risk(id, PEOPLE).path("status").asText()).as("not in force yet: her confirmation stands").isEqualTo("accepted");
        awaitSearch("risk=" + PEOPLE, id, true);

        while (java.time.Instant.now().isBefore(start.plusMillis(200))) {
            Thread.sleep(100);
        }
        JsonNode dry = server.json(gov.admin("POST", "/api/v1/lifecycle/run?dryRun=true", null));
        assertThat(dry.path("actions").toString()).contains(id).contains("\"rule\":\"release-started\"")
                .contains("\"action\":\"assess-risk\"").contains(release);
        assertThat(server.json(gov.admin("POST", "/api/v1/lifecycle/run", null)).path("actions").findValuesAsText("assetId")).contains(id);
        awaitSearch("risk=" + PEOPLE, id, false);
        awaitIdle();
        assertThat(risk(id, PEOPLE)).as("in force now, it answers what she confirmed before it came").isNull();
    }
}
