package io.vitrine.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.vitrine.TestServer;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The audit trail through the API (parallel uploads, deliveries, export, verify) and the lifecycle run. */
class AuditLifecycleApiTest {
    @TempDir
    static Path data;

    static TestServer server;
    static GovernanceClient client;

    @BeforeAll
    static void start() {
        server = new TestServer(data, Map.of());
        client = new GovernanceClient(server);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void parallel_uploads_and_deliveries_leave_one_valid_chain_that_exports_as_json_lines() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(6, Thread.ofPlatform().name("upload-test-", 0).factory());
        List<Future<HttpResponse<String>>> uploads = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            int seed = 700 + i;
            uploads.add(pool.submit(() -> server.upload("?onDuplicate=allow", "p" + seed + ".jpg", Media.jpeg(40, 30, seed), null)));
        }
        List<String> ids = new ArrayList<>();
        for (var f : uploads) {
            ids.add(client.json(f.get()).path("id").asText());
        }
        pool.shutdown();
        String id = server.awaitSettled(ids.getFirst()).path("id").asText();
        assertThat(client.admin("GET", "/api/v1/assets/" + id + "/original", null).statusCode()).isEqualTo(200);
        JsonNode verdict = client.json(client.admin("GET", "/api/v1/audit/verify", null));
        assertThat(verdict.path("valid").asBoolean()).as(verdict.toString()).isTrue();
        assertThat(verdict.path("events").asLong()).isGreaterThanOrEqualTo(13);
        String lines = client.admin("GET", "/api/v1/audit?format=jsonl&limit=200", null).body();
        assertThat(lines.lines().filter(l -> l.contains("\"action\":\"asset.upload\"")).count()).isGreaterThanOrEqualTo(12);
        assertThat(lines).contains("\"action\":\"asset.original\"").contains("\"target\":\"" + id + "\"");
    }

    @Test
    void the_export_pages_with_a_cursor_and_only_admin_or_legal_read_it() throws Exception {
        for (int i = 0; i < 3; i++) {
            client.licence("{\"channels\":[\"web\"]}");
        }
        JsonNode first = client.json(client.admin("GET", "/api/v1/audit?limit=2", null));
        assertThat(first.path("events")).hasSize(2);
        JsonNode second = client.json(client.admin("GET", "/api/v1/audit?limit=2&cursor=" + first.path("nextCursor").asText(), null));
        assertThat(second.path("events").get(0).path("seq").asLong()).isEqualTo(first.path("events").get(1).path("seq").asLong() + 1);
        assertThat(second.path("events").get(0).path("prevHash").asText()).isEqualTo(first.path("events").get(1).path("hash").asText());
        assertThat(client.call(client.user("legal"), "GET", "/api/v1/audit/verify", null).statusCode()).isEqualTo(200);
        HttpResponse<String> consumer = client.call(client.user("consumer"), "GET", "/api/v1/audit/verify", null);
        assertThat(consumer.statusCode()).isEqualTo(403);
        assertThat(client.json(consumer).path("detail").asText()).contains("audit.read");
    }

    @Test
    void a_refused_delivery_is_audited_too() throws Exception {
        String a = client.asset(801, null);
        client.attach(a, client.licence("{\"channels\":[\"web\"]}"));
        assertThat(client.admin("GET", "/api/v1/assets/" + a + "/original?channel=ooh&region=DE", null).statusCode()).isEqualTo(403);
        String lines = client.admin("GET", "/api/v1/audit?format=jsonl&limit=200", null).body();
        assertThat(lines).contains("\"action\":\"asset.original.denied\"");
    }

    @Test
    void the_lifecycle_quarantines_assets_whose_every_licence_ended_and_a_dry_run_changes_nothing() throws Exception {
        String ended = client.asset(901, null);
        String current = client.asset(902, null);
        String unlicensed = client.asset(903, null);
        client.attach(ended, client.licence("{\"channels\":[\"web\"],\"end\":\"2021-06-30\"}"));
        client.attach(ended, client.licence("{\"channels\":[\"print\"],\"end\":\"2022-06-30\"}"));
        client.attach(current, client.licence("{\"channels\":[\"web\"],\"end\":\"2021-06-30\"}"));
        client.attach(current, client.licence("{\"channels\":[\"web\"]}"));

        JsonNode dry = client.json(client.admin("POST", "/api/v1/lifecycle/run?dryRun=true", null));
        assertThat(dry.path("dryRun").asBoolean()).isTrue();
        assertThat(dry.path("actions").toString()).contains(ended).doesNotContain(current).doesNotContain(unlicensed);
        assertThat(client.json(client.admin("GET", "/api/v1/assets/" + ended, null)).path("status").asText()).isEqualTo("ready");
        assertThat(client.admin("GET", "/api/v1/assets/" + ended + "/renditions/thumb", null).statusCode()).isEqualTo(200);

        JsonNode run = client.json(client.admin("POST", "/api/v1/lifecycle/run", null));
        assertThat(run.path("actions").toString()).contains(ended).contains("every licence has ended");
        JsonNode asset = client.json(client.admin("GET", "/api/v1/assets/" + ended, null));
        assertThat(asset.path("status").asText()).isEqualTo("quarantined");
        assertThat(client.admin("GET", "/api/v1/assets/" + ended + "/original", null).statusCode()).isEqualTo(403);
        assertThat(client.admin("GET", "/api/v1/assets/" + ended + "/renditions/thumb", null).statusCode()).isEqualTo(403);
        assertThat(client.json(client.admin("GET", "/api/v1/assets/" + current, null)).path("status").asText()).isEqualTo("ready");
        assertThat(client.json(client.admin("GET", "/api/v1/assets/" + unlicensed, null)).path("status").asText()).isEqualTo("ready");
        assertThat(client.json(client.admin("POST", "/api/v1/lifecycle/run", null)).path("actions")).isEmpty();
    }

    @Test
    void only_an_admin_runs_the_lifecycle() throws Exception {
        HttpResponse<String> r = client.call(client.user("legal"), "POST", "/api/v1/lifecycle/run?dryRun=true", null);
        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(client.json(r).path("detail").asText()).contains("lifecycle.run");
    }
}
