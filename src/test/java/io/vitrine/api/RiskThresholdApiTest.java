package io.vitrine.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
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
 * Per-flag risk thresholds end to end, with the real classifier: the mortar photo reads as 'cannon'
 * (weapon, 0.49). A reviewer's rejection raises the weapon threshold above that, so the next such
 * photo is stored as a draft but neither found under {@code risk=weapon} nor counted for review;
 * acceptances bring it back. Thresholds are read from {@code GET /api/v1/risk-flags}, as tag
 * thresholds are from {@code GET /api/v1/concepts/{id}}.
 */
class RiskThresholdApiTest {
    @TempDir
    static Path data;
    static TestServer server;
    static GovernanceClient gov;
    static String legal;

    @BeforeAll
    static void start() throws Exception {
        assumeTrue(Files.isRegularFile(RiskApiTest.MORTAR) && ModelServer.installShared(data, "mobilenetv2-12-int8"),
                "../shared models or photos absent; skipping");
        server = new TestServer(data, Map.of("VITRINE_RISK_THRESHOLD", "0.45"));
        gov = new GovernanceClient(server);
        legal = gov.user("legal");
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    private static JsonNode weaponThreshold() throws Exception {
        HttpResponse<String> r = gov.call(gov.user("consumer"), "GET", "/api/v1/risk-flags", null);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        for (JsonNode f : server.json(r).path("flags")) {
            if (f.path("flag").asText().equals("weapon")) {
                assertThat(f.path("label").asText()).isEqualTo("Weapon");
                return f.path("threshold");
            }
        }
        throw new AssertionError("no weapon flag in " + r.body());
    }

    /** Uploads the mortar and waits until the risk step stored its weapon draft and the index has it. */
    private static String mortar(String name) throws Exception {
        String id = server.json(server.upload("?onDuplicate=allow", name, Files.readAllBytes(RiskApiTest.MORTAR), null)).path("id").asText();
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (!server.json(server.get("/api/v1/assets/" + id)).path("risks").toString().contains("\"weapon\"")
                || server.vitrine().jobs().pending() > 0) {
            assertThat(System.nanoTime()).as("weapon draft on " + id).isLessThan(deadline);
            Thread.sleep(150);
        }
        return id;
    }

    private static boolean foundAsWeapon(String id) throws Exception {
        return server.json(server.get("/api/v1/search?risk=weapon")).path("hits").findValuesAsText("id").contains(id);
    }

    private static void awaitWeapon(String id, boolean present) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (foundAsWeapon(id) != present) {
            assertThat(System.nanoTime()).as("risk=weapon should " + (present ? "" : "not ") + "find " + id).isLessThan(deadline);
            Thread.sleep(150);
        }
    }

    private static void decide(String id, String status) throws Exception {
        HttpResponse<String> r = gov.call(legal, "PATCH", "/api/v1/assets/" + id + "/risks/weapon", "{\"status\":\"" + status + "\"}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    }

    @Test
    void a_rejection_lifts_the_weapon_threshold_over_the_next_mortar_and_acceptances_bring_it_back() throws Exception {
        JsonNode start = weaponThreshold();
        assertThat(start.path("value").asDouble()).isEqualTo(0.45);
        assertThat(start.path("default").asDouble()).isEqualTo(0.45);
        assertThat(start.path("rejected").asInt()).isZero();

        String first = mortar("mortar-1.png");
        awaitWeapon(first, true);
        decide(first, "rejected");
        JsonNode lifted = weaponThreshold();
        assertThat(lifted.path("rejected").asInt()).isEqualTo(1);
        assertThat(lifted.path("value").asDouble()).isCloseTo(0.5833, within(1e-4));

        String second = mortar("mortar-2.png");
        JsonNode draft = null;
        for (JsonNode r : server.json(server.get("/api/v1/assets/" + second)).path("risks")) {
            draft = r.path("flag").asText().equals("weapon") ? r : draft;
        }
        assertThat(draft.path("status").asText()).isEqualTo("draft");
        assertThat(draft.path("confidence").asDouble()).isBetween(0.45, 0.58);
        assertThat(foundAsWeapon(second)).as("stored, but below the recalibrated threshold").isFalse();
        HttpResponse<String> submitted = gov.call(gov.user("contributor"), "POST", "/api/v1/assets/" + second + "/transitions",
                "{\"to\":\"in_review\"}");
        assertThat(server.json(submitted).path("tierRules").toString()).doesNotContain("risk-flagged");

        String third = mortar("mortar-3.png");
        decide(third, "accepted");
        decide(second, "accepted");
        decide(first, "accepted"); // the reviewer changes her mind: the rejection no longer counts
        JsonNode lowered = weaponThreshold();
        assertThat(lowered.path("accepted").asInt()).isEqualTo(3);
        assertThat(lowered.path("rejected").asInt()).isZero();
        assertThat(lowered.path("value").asDouble()).as("accepted history lowers it below the default").isLessThan(0.45);
        String fourth = mortar("mortar-4.png");
        awaitWeapon(fourth, true);

        JsonNode concept = server.json(server.get("/api/v1/concepts/balloon")).path("threshold");
        assertThat(concept.path("value").asDouble()).isEqualTo(0.3);
        assertThat(concept.path("default").asDouble()).isEqualTo(0.3);
    }
}
