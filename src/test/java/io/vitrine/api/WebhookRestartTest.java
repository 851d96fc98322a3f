package io.vitrine.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.vitrine.TestServer;
import io.vitrine.webhooks.WebhookReceiver;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Delivery state lives in the database: a restarted server goes on with what was still pending. */
class WebhookRestartTest {
    static final Map<String, String> ENV = Map.of("VITRINE_WEBHOOK_ALLOW", "127.0.0.1", "VITRINE_WEBHOOK_BACKOFF", "PT0.2S",
            "VITRINE_WEBHOOK_MAX_BACKOFF", "PT0.4S", "VITRINE_WEBHOOK_MAX_ATTEMPTS", "100");

    @TempDir
    Path data;

    @Test
    void a_restart_resumes_pending_deliveries() throws Exception {
        try (WebhookReceiver receiver = new WebhookReceiver().answer(503)) {
            String hook;
            String asset;
            try (TestServer first = new TestServer(data, ENV)) {
                GovernanceClient client = new GovernanceClient(first);
                hook = client.json(client.admin("POST", "/api/v1/webhooks", "{\"url\":\"" + receiver.url("/r")
                        + "\",\"events\":[\"asset.created\"],\"secret\":\"restart-secret-0001\"}")).path("id").asText();
                asset = client.asset(901, null);
                receiver.await(r -> r.body().contains(asset), java.time.Duration.ofSeconds(20));
            }
            int before = receiver.received().size();
            receiver.answer(200);
            try (TestServer second = new TestServer(data, ENV)) {
                GovernanceClient client = new GovernanceClient(second);
                JsonNode delivered = null;
                for (int i = 0; i < 200 && delivered == null; i++) {
                    for (JsonNode d : client.json(client.admin("GET", "/api/v1/webhooks/" + hook + "/deliveries", null)).path("deliveries")) {
                        if (d.path("subject").asText().equals(asset) && d.path("status").asText().equals("delivered")) {
                            delivered = d;
                        }
                    }
                    Thread.sleep(100);
                }
                assertThat(delivered).as("delivered after the restart").isNotNull();
                assertThat(delivered.path("attempts").asInt()).as("failed before the restart, then delivered").isGreaterThanOrEqualTo(2);
                assertThat(before).isPositive();
                assertThat(receiver.received().getLast().body()).contains(asset);
            }
        }
    }
}
