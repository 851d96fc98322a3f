package io.vitrine.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.vitrine.TestServer;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Owners are warned before a licence covering their asset ends: a notification to the uploader and a
 * {@code licence.expiring} event, once per licence × asset × window; the dry run names who would be warned.
 */
class ExpiryWarningApiTest {
    @TempDir
    static Path data;

    static TestServer server;
    static GovernanceClient client;

    @BeforeAll
    static void start() throws Exception {
        server = new TestServer(data, Map.of());
        client = new GovernanceClient(server);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    /** Uploads as the holder of {@code token}, so she is the owner. */
    private static String uploadAs(String token, int seed) throws Exception {
        TestServer.Multipart body = new TestServer.Multipart().file("file", "owned" + seed + ".jpg", Media.jpeg(64, 48, seed));
        HttpResponse<String> r = server.send(HttpRequest.newBuilder(server.uri("/api/v1/assets?onDuplicate=allow"))
                .header("Authorization", "Bearer " + token).header("Content-Type", body.contentType())
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.bytes())).build());
        return AssetApiTestSupport.settled(server, r).path("id").asText();
    }

    private static String inDays(int days) {
        return LocalDate.now(ZoneOffset.UTC).plusDays(days).toString();
    }

    private static JsonNode mine(String token, String query) throws Exception {
        return client.json(client.call(token, "GET", "/api/v1/notifications" + query, null));
    }

    @Test
    void the_uploader_is_warned_once_before_a_licence_of_her_asset_ends_and_marks_it_read() throws Exception {
        JsonNode created = client.json(client.admin("POST", "/api/v1/users", "{\"name\":\"olga\",\"roles\":[\"contributor\"],\"regions\":[\"DE\"]}"));
        String olga = created.path("id").asText();
        String token = created.path("token").asText();
        String asset = uploadAs(token, 1101);
        String soon = client.licence("{\"channels\":[\"web\"],\"end\":\"" + inDays(10) + "\"}");
        String later = client.licence("{\"channels\":[\"print\"],\"end\":\"" + inDays(90) + "\"}");
        client.attach(asset, soon);
        client.attach(asset, later);

        JsonNode dry = client.json(client.admin("POST", "/api/v1/lifecycle/run?dryRun=true", null));
        JsonNode planned = warningFor(dry, asset);
        assertThat(planned.path("recipients").toString()).isEqualTo("[\"" + olga + "\"]");
        assertThat(planned.path("licenceId").asText()).as("the licence that ends within 30 days, not the later one").isEqualTo(soon);
        assertThat(mine(token, "").path("items")).as("a dry run warns nobody").isEmpty();

        JsonNode run = client.json(client.admin("POST", "/api/v1/lifecycle/run", null));
        assertThat(warningFor(run, asset).path("action").asText()).isEqualTo("notify-owner");
        JsonNode again = client.json(client.admin("POST", "/api/v1/lifecycle/run", null));
        assertThat(again.path("actions").toString()).as("once per licence, asset and window").doesNotContain(asset);
        JsonNode items = mine(token, "").path("items");
        assertThat(items).hasSize(1);
        JsonNode n = items.get(0);
        assertThat(n.path("type").asText()).isEqualTo("licence.expiring");
        assertThat(n.path("assetId").asText()).isEqualTo(asset);
        assertThat(n.path("data").path("licenceId").asText()).isEqualTo(soon);
        assertThat(n.path("data").path("withinDays").asText()).isEqualTo("30");
        assertThat(n.path("readAt").isNull()).isTrue();

        String stranger = client.user("contributor", "DE");
        assertThat(mine(stranger, "").path("items")).as("another person's inbox").isEmpty();
        assertThat(client.call(stranger, "POST", "/api/v1/notifications/" + n.path("id").asText() + "/read", null).statusCode()).isEqualTo(404);
        assertThat(client.json(client.call(token, "POST", "/api/v1/notifications/read-all?upTo=2000-01-01T00:00:00Z", null))
                .path("marked").asInt()).as("only those created up to what she was shown").isZero();
        assertThat(client.json(client.call(stranger, "POST", "/api/v1/notifications/read-all", null)).path("marked").asInt())
                .as("her own inbox only").isZero();
        assertThat(client.call(token, "POST", "/api/v1/notifications/read-all?upTo=yesterday", null).statusCode()).isEqualTo(400);
        assertThat(mine(token, "?unread=true").path("items")).hasSize(1);
        HttpResponse<String> read = client.call(token, "POST", "/api/v1/notifications/" + n.path("id").asText() + "/read", null);
        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(client.json(read).path("readAt").asText()).isNotBlank();
        assertThat(mine(token, "?unread=true").path("items")).isEmpty();
        assertThat(mine(token, "").path("items")).hasSize(1);
        assertThat(client.call(token, "GET", "/api/v1/notifications?unread=maybe", null).statusCode()).isEqualTo(400);
        assertThat(client.json(client.call(token, "POST", "/api/v1/notifications/read-all", null)).path("marked").asInt())
                .as("already read").isZero();

        String events = client.admin("GET", "/api/v1/events?lastEventId=0&timeout=0&types=licence.expiring", null).body();
        assertThat(events).contains("event: licence.expiring").contains(asset).contains(olga);
    }

    @Test
    void a_rule_with_a_shorter_window_does_not_warn_yet() throws Exception {
        JsonNode created = client.json(client.admin("POST", "/api/v1/users", "{\"name\":\"pia\",\"roles\":[\"contributor\"]}"));
        String asset = uploadAs(created.path("token").asText(), 1102);
        client.attach(asset, client.licence("{\"channels\":[\"web\"],\"end\":\"" + inDays(20) + "\"}"));
        JsonNode rules = client.json(client.admin("GET", "/api/v1/lifecycle/rules", null)).path("rules");
        String replaced = rules.toString().replace("\"trigger\":\"licence-expiring\",\"action\":\"notify-owner\",\"withinDays\":null",
                "\"trigger\":\"licence-expiring\",\"action\":\"notify-owner\",\"withinDays\":7");
        assertThat(replaced).contains("\"withinDays\":7");
        try {
            assertThat(client.admin("PUT", "/api/v1/lifecycle/rules", "{\"rules\":" + replaced + "}").statusCode()).isEqualTo(200);
            JsonNode dry = client.json(client.admin("POST", "/api/v1/lifecycle/run?dryRun=true", null));
            assertThat(dry.path("actions").toString()).doesNotContain(asset);
        } finally {
            client.admin("PUT", "/api/v1/lifecycle/rules", "{\"rules\":" + rules + "}");
        }
        JsonNode dry = client.json(client.admin("POST", "/api/v1/lifecycle/run?dryRun=true", null));
        assertThat(warningFor(dry, asset).path("recipients").toString()).contains(created.path("id").asText());
    }

    private static JsonNode warningFor(JsonNode report, String asset) {
        for (JsonNode a : report.path("actions")) {
            if (a.path("assetId").asText().equals(asset) && a.path("rule").asText().equals("licence-expiring-notify-owner")) {
                return a;
            }
        }
        throw new AssertionError("no expiry warning for " + asset + " in " + report);
    }
}
