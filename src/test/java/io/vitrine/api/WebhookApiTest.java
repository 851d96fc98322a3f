package io.vitrine.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vitrine.TestServer;
import io.vitrine.webhooks.WebhookReceiver;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Webhooks end to end: a real server posting to a real HTTP receiver on loopback (allow-listed),
 * with fast retries so the retry, dead and replay paths run in seconds, and a read timeout longer
 * than the held receiver of the coalescing test.
 */
class WebhookApiTest {
    @TempDir
    static Path data;

    static TestServer server;
    static GovernanceClient client;
    static final ObjectMapper JSON = new ObjectMapper();

    @BeforeAll
    static void start() {
        server = new TestServer(data, Map.of("VITRINE_WEBHOOK_ALLOW", "127.0.0.1", "VITRINE_WEBHOOK_BACKOFF", "PT0.2S",
                "VITRINE_WEBHOOK_MAX_BACKOFF", "PT0.5S", "VITRINE_WEBHOOK_MAX_ATTEMPTS", "3", "VITRINE_WEBHOOK_TIMEOUT", "PT90S"));
        client = new GovernanceClient(server);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static JsonNode subscribe(String url, String events, String secret) throws Exception {
        HttpResponse<String> r = client.admin("POST", "/api/v1/webhooks", "{\"url\":\"" + url + "\",\"events\":" + events
                + (secret == null ? "" : ",\"secret\":\"" + secret + "\"") + "}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return client.json(r);
    }

    static List<JsonNode> deliveries(String webhook) throws Exception {
        List<JsonNode> out = new ArrayList<>();
        client.json(client.admin("GET", "/api/v1/webhooks/" + webhook + "/deliveries?limit=200", null)).path("deliveries").forEach(out::add);
        return out;
    }

    /** Polls the delivery log until {@code done} holds for the deliveries about {@code subject}. */
    static List<JsonNode> awaitDeliveries(String webhook, String subject, java.util.function.Predicate<List<JsonNode>> done)
            throws Exception {
        List<JsonNode> about = List.of();
        for (int i = 0; i < 300; i++) {
            about = deliveries(webhook).stream().filter(d -> subject.equals(d.path("subject").asText())).toList();
            if (done.test(about)) {
                return about;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("delivery log never settled: " + about);
    }

    static String hmac(byte[] key, String signed) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        return "v1," + Base64.getEncoder().encodeToString(mac.doFinal(signed.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void a_ready_asset_is_posted_as_a_cloudevent_whose_signature_verifies_with_the_secret() throws Exception {
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            byte[] key = "sixteen-byte-key-material".getBytes(StandardCharsets.UTF_8);
            String secret = "whsec_" + Base64.getEncoder().encodeToString(key);
            JsonNode hook = subscribe(receiver.url("/in"), "[\"asset.ready\"]", secret);
            assertThat(hook.has("secret")).as("a chosen secret is not echoed").isFalse();
            String asset = client.asset(701, null);
            WebhookReceiver.Received r = receiver.await(x -> x.body().contains(asset), Duration.ofSeconds(20));
            JsonNode ce = JSON.readTree(r.body());
            assertThat(ce.path("specversion").asText()).isEqualTo("1.0");
            assertThat(ce.path("type").asText()).isEqualTo("io.vitrine.asset.ready");
            assertThat(ce.path("subject").asText()).isEqualTo(asset);
            assertThat(ce.path("source").asText()).isNotBlank();
            assertThat(ce.path("data").path("status").asText()).isEqualTo("ready");
            assertThat(Instant.parse(ce.path("time").asText())).isBefore(Instant.now().plusSeconds(1));
            assertThat(r.header("Content-Type")).startsWith("application/cloudevents+json");
            assertThat(r.header("webhook-id")).isEqualTo(ce.path("id").asText());
            long ts = Long.parseLong(r.header("webhook-timestamp"));
            assertThat(Math.abs(ts - Instant.now().getEpochSecond())).isLessThan(60);
            assertThat(r.header("webhook-signature")).isEqualTo(hmac(key, r.header("webhook-id") + "." + ts + "." + r.body()));
            assertThat(r.header("webhook-signature")).isNotEqualTo(hmac("another-key".getBytes(StandardCharsets.UTF_8),
                    r.header("webhook-id") + "." + ts + "." + r.body()));
            assertThat(receiver.received()).as("only the subscribed type").allMatch(x -> x.body().contains("io.vitrine.asset.ready"));
            List<JsonNode> log = awaitDeliveries(hook.path("id").asText(), asset, l -> !l.isEmpty()
                    && l.getFirst().path("status").asText().equals("delivered"));
            assertThat(log.getFirst().path("lastResponseStatus").asInt()).isEqualTo(200);
            assertThat(log.getFirst().path("attempts").asInt()).isEqualTo(1);
        }
    }

    @Test
    void a_receiver_answering_500_gets_the_event_again_after_a_backoff() throws Exception {
        try (WebhookReceiver receiver = new WebhookReceiver().thenAnswer(500)) {
            String hook = subscribe(receiver.url("/retry"), "[\"asset.created\"]", "a-secret-of-16-chars").path("id").asText();
            String asset = client.asset(702, null);
            List<JsonNode> log = awaitDeliveries(hook, asset, l -> !l.isEmpty() && l.getFirst().path("status").asText().equals("delivered"));
            assertThat(log.getFirst().path("attempts").asInt()).isEqualTo(2);
            assertThat(receiver.received()).hasSize(2);
            assertThat(receiver.received().get(0).header("webhook-id")).as("same message, same id")
                    .isEqualTo(receiver.received().get(1).header("webhook-id"));
        }
    }

    @Test
    void after_the_last_attempt_a_delivery_is_dead_and_a_replay_sends_it_again() throws Exception {
        try (WebhookReceiver receiver = new WebhookReceiver().answer(500)) {
            String hook = subscribe(receiver.url("/dead"), "[\"asset.created\"]", "a-secret-of-16-chars").path("id").asText();
            String asset = client.asset(703, null);
            JsonNode dead = awaitDeliveries(hook, asset, l -> !l.isEmpty() && l.getFirst().path("status").asText().equals("dead")).getFirst();
            assertThat(dead.path("attempts").asInt()).isEqualTo(3);
            assertThat(dead.path("lastResponseStatus").asInt()).isEqualTo(500);
            assertThat(dead.path("lastError").asText()).contains("HTTP 500");
            assertThat(receiver.received()).hasSize(3);
            receiver.answer(204);
            HttpResponse<String> replay = client.admin("POST", "/api/v1/webhooks/" + hook + "/deliveries/" + dead.path("id").asText()
                    + "/replay", null);
            assertThat(replay.statusCode()).as(replay.body()).isEqualTo(201);
            assertThat(client.json(replay).path("replayOf").asText()).isEqualTo(dead.path("id").asText());
            List<JsonNode> log = awaitDeliveries(hook, asset, l -> l.size() == 2 && l.getFirst().path("status").asText().equals("delivered"));
            assertThat(log.get(1).path("status").asText()).as("the dead one stays in the log").isEqualTo("dead");
            assertThat(receiver.received().getLast().header("webhook-id")).isEqualTo(dead.path("eventId").asText());
            assertThat(client.admin("POST", "/api/v1/webhooks/" + hook + "/deliveries/nosuch/replay", null).statusCode()).isEqualTo(404);
        }
    }

    @Test
    void rapid_events_about_one_asset_coalesce_into_few_deliveries_and_none_is_lost() throws Exception {
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            String hook = subscribe(receiver.url("/flood"), "[\"asset.updated\"]", "a-secret-of-16-chars").path("id").asText();
            String asset = client.asset(704, null);
            receiver.hold();
            int edits = 100;
            for (int i = 0; i < edits; i++) {
                assertThat(client.admin("PATCH", "/api/v1/assets/" + asset, "{\"title\":\"take " + i + "\"}").statusCode()).isEqualTo(200);
            }
            receiver.release();
            List<JsonNode> log = awaitDeliveries(hook, asset, l -> l.stream().allMatch(d -> d.path("status").asText().equals("delivered"))
                    && l.stream().mapToInt(d -> d.path("coalesced").asInt()).sum() == edits);
            assertThat(log.size()).as("deliveries for %d edits", edits).isLessThanOrEqualTo(2);
            List<WebhookReceiver.Received> got = receiver.received().stream().filter(x -> x.body().contains(asset)).toList();
            assertThat(got).hasSize(log.size());
            JsonNode last = JSON.readTree(got.getLast().body());
            assertThat(last.path("vitrinecoalesced").asInt()).isGreaterThan(edits / 2);
            assertThat(last.path("data").path("changed").toString()).isEqualTo("[\"title\"]");
        }
    }

    @Test
    void a_redirect_is_recorded_as_the_answer_and_never_followed() throws Exception {
        try (WebhookReceiver elsewhere = new WebhookReceiver(); WebhookReceiver receiver = new WebhookReceiver().answer(302)) {
            receiver.redirectTo(elsewhere.url("/stolen"));
            String hook = subscribe(receiver.url("/moved"), "[\"asset.created\"]", "a-secret-of-16-chars").path("id").asText();
            String asset = client.asset(705, null);
            JsonNode dead = awaitDeliveries(hook, asset, l -> !l.isEmpty() && l.getFirst().path("status").asText().equals("dead")).getFirst();
            assertThat(dead.path("lastResponseStatus").asInt()).isEqualTo(302);
            assertThat(dead.path("lastError").asText()).contains("redirects are not followed");
            assertThat(elsewhere.received()).isEmpty();
        }
    }

    @Test
    void a_subscription_never_shows_its_secret_and_bad_ones_are_refused_precisely() throws Exception {
        JsonNode generated = subscribe("http://127.0.0.1:9/none", "[\"asset.*\",\"licence.attached\"]", null);
        String id = generated.path("id").asText();
        assertThat(generated.path("secret").asText()).startsWith("whsec_");
        String secret = generated.path("secret").asText();
        assertThat(client.admin("GET", "/api/v1/webhooks/" + id, null).body()).doesNotContain(secret).contains("licence.attached");
        assertThat(client.admin("GET", "/api/v1/webhooks", null).body()).doesNotContain(secret).contains(id);
        assertRefused("{\"url\":\"http://127.0.0.1:9/\",\"events\":[]}", 400, "at least one event type");
        assertRefused("{\"url\":\"http://127.0.0.1:9/\",\"events\":[\"Asset Ready\"]}", 400, "not an event type");
        assertRefused("{\"url\":\"http://127.0.0.1:9/\",\"events\":[\"*\"],\"secret\":\"short\"}", 400, "16 to 200");
        assertRefused("{\"url\":\"http://127.0.0.1:9/\",\"events\":[\"*\"],\"collection\":\"c1\"}", 400, "no collection 'c1'");
        assertRefused("{\"url\":\"http://127.0.0.1:9/\",\"events\":[\"*\"],\"color\":1}", 400, "unknown field 'color'");
        assertRefused("{\"url\":\"ftp://127.0.0.1/\",\"events\":[\"*\"]}", 422, "http or https");
        assertRefused("{\"url\":\"http://127.0.0.2/\",\"events\":[\"*\"]}", 422, "loopback");
        assertRefused("[1]", 400, "send {");
        assertThat(client.admin("DELETE", "/api/v1/webhooks/" + id, null).statusCode()).isEqualTo(204);
        assertThat(client.admin("GET", "/api/v1/webhooks/" + id, null).statusCode()).isEqualTo(404);
        assertThat(client.admin("DELETE", "/api/v1/webhooks/" + id, null).statusCode()).isEqualTo(404);
    }

    @Test
    void a_subscription_for_a_collection_hears_only_about_assets_in_it() throws Exception {
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            String inside = client.asset(706, null);
            String outside = client.asset(707, null);
            String collection = client.json(client.admin("POST", "/api/v1/collections", "{\"name\":\"Campaign\"}")).path("id").asText();
            assertThat(client.admin("POST", "/api/v1/collections/" + collection + "/assets", "{\"assetIds\":[\"" + inside + "\"]}")
                    .statusCode()).isEqualTo(200);
            HttpResponse<String> r = client.admin("POST", "/api/v1/webhooks", "{\"url\":\"" + receiver.url("/c")
                    + "\",\"events\":[\"asset.updated\"],\"collection\":\"" + collection + "\"}");
            assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
            assertThat(client.json(r).path("collection").asText()).isEqualTo(collection);
            client.admin("PATCH", "/api/v1/assets/" + outside, "{\"title\":\"out\"}");
            client.admin("PATCH", "/api/v1/assets/" + inside, "{\"title\":\"in\"}");
            receiver.await(x -> x.body().contains(inside), Duration.ofSeconds(20));
            Thread.sleep(500); // the earlier edit, had it matched, was due first
            assertThat(receiver.received()).noneMatch(x -> x.body().contains(outside));
        }
    }

    static void assertRefused(String body, int status, String detail) throws Exception {
        HttpResponse<String> r = client.admin("POST", "/api/v1/webhooks", body);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(client.json(r).path("detail").asText()).contains(detail);
    }
}
