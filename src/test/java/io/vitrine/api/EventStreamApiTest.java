package io.vitrine.api;

import static io.vitrine.testing.SseLines.readUntil;
import static org.assertj.core.api.Assertions.assertThat;

import io.vitrine.TestServer;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The live event stream: what a caller may see, as it happens, resumable, kept alive. */
class EventStreamApiTest {
    @TempDir
    static Path data;

    static TestServer server;
    static GovernanceClient client;
    static String germanOnly;
    static String everywhere;
    static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws Exception {
        server = new TestServer(data, Map.of());
        client = new GovernanceClient(server);
        germanOnly = client.asset(801, null);
        client.restrict(germanOnly, "DE");
        everywhere = client.asset(802, null);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static HttpResponse<Stream<String>> open(String token, String query, String lastEventId) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(server.uri("/api/v1/events" + query)).header("Authorization", "Bearer " + token);
        if (lastEventId != null) {
            b.header("Last-Event-ID", lastEventId);
        }
        HttpResponse<Stream<String>> r = HTTP.sendAsync(b.build(), HttpResponse.BodyHandlers.ofLines()).get(30, TimeUnit.SECONDS);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("text/event-stream");
        return r;
    }

    @Test
    void a_caller_receives_live_events_only_about_assets_in_her_regions() throws Exception {
        String french = client.user("consumer", "FR");
        String german = client.user("consumer", "DE");
        var fr = open(french, "?timeout=60&types=asset.updated", null);
        var de = open(german, "?timeout=60&types=asset.updated", null);
        Thread.sleep(300);
        assertThat(client.admin("PATCH", "/api/v1/assets/" + germanOnly, "{\"title\":\"Nur DE\"}").statusCode()).isEqualTo(200);
        assertThat(client.admin("PATCH", "/api/v1/assets/" + everywhere, "{\"title\":\"All\"}").statusCode()).isEqualTo(200);
        List<String> seenFr = readUntil(fr, everywhere);
        List<String> seenDe = readUntil(de, everywhere);
        assertThat(String.join("\n", seenFr)).contains("event: asset.updated").contains("\"subject\":\"" + everywhere + "\"")
                .contains("\"type\":\"io.vitrine.asset.updated\"").doesNotContain(germanOnly);
        assertThat(String.join("\n", seenDe)).contains(germanOnly).contains(everywhere);
    }

    @Test
    void a_reconnecting_client_gets_what_it_missed_with_last_event_id_and_heartbeats_keep_it_open() throws Exception {
        assertThat(client.admin("PATCH", "/api/v1/assets/" + everywhere, "{\"title\":\"Again\"}").statusCode()).isEqualTo(200);
        List<String> replay = readUntil(open(TestServer.TOKEN, "?timeout=3&heartbeat=1&types=asset.*", "0"), null);
        assertThat(replay).anyMatch(l -> l.startsWith("id: ")).anyMatch(l -> l.equals("event: asset.created"))
                .anyMatch(l -> l.equals("event: asset.ready")).anyMatch(l -> l.equals(": heartbeat"));
        long lastId = replay.stream().filter(l -> l.startsWith("id: ")).mapToLong(l -> Long.parseLong(l.substring(4))).max().orElseThrow();
        List<String> after = readUntil(open(TestServer.TOKEN, "?timeout=1", Long.toString(lastId)), null);
        // nothing already sent comes again (later events, such as asset.enriched when enrichment ends, may)
        assertThat(after).filteredOn(l -> l.startsWith("id: ")).allMatch(l -> Long.parseLong(l.substring(4)) > lastId);
        HttpResponse<String> bad = server.send(server.request("/api/v1/events?timeout=999999").GET().timeout(Duration.ofSeconds(10)).build());
        assertThat(bad.statusCode()).isEqualTo(400);
    }
}
