package io.vitrine.web;

import static io.vitrine.testing.SseLines.readUntil;
import static org.assertj.core.api.Assertions.assertThat;

import io.vitrine.TestServer;
import io.vitrine.api.GovernanceClient;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The signed-in browser's live stream (GET /events) and the grid cards it refreshes (GET /tiles), over plain HTTP. */
class WebUiLiveEventsTest {
    @TempDir
    static Path data;
    static TestServer server;
    static GovernanceClient gov;
    static String germanOnly;
    static String everywhere;
    static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws Exception {
        server = new TestServer(data, Map.of());
        gov = new GovernanceClient(server);
        germanOnly = gov.asset(901, null);
        gov.restrict(germanOnly, "DE");
        everywhere = gov.asset(902, null);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static HttpResponse<Stream<String>> open(String cookie, String query, String lastEventId) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(server.uri("/events" + query));
        if (cookie != null) {
            b.header("Cookie", cookie);
        }
        if (lastEventId != null) {
            b.header("Last-Event-ID", lastEventId);
        }
        return HTTP.sendAsync(b.build(), HttpResponse.BodyHandlers.ofLines()).get(30, TimeUnit.SECONDS);
    }

    static HttpResponse<Stream<String>> stream(String cookie, String query, String lastEventId) throws Exception {
        HttpResponse<Stream<String>> r = open(cookie, query, lastEventId);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("text/event-stream");
        return r;
    }

    static String cookie(String role, String... regions) throws Exception {
        return WebUiGovernanceTest.signIn(server, gov.user(role, regions)).cookie();
    }

    @Test
    void a_person_hears_only_about_assets_she_may_see_regions_and_released_only_for_partners() throws Exception {
        String released = gov.asset(903, null);
        gov.approve(released);
        var fr = stream(cookie("consumer", "FR"), "?timeout=60", null);
        var de = stream(cookie("consumer", "DE"), "?timeout=60", null);
        var partner = stream(cookie("external"), "?timeout=60", null);
        Thread.sleep(300);
        for (String id : List.of(germanOnly, everywhere, released)) {
            assertThat(gov.admin("PATCH", "/api/v1/assets/" + id, "{\"title\":\"Live " + id + "\"}").statusCode()).isEqualTo(200);
        }
        String last = "\"asset.updated\",\"subject\":\"" + released; // the approval's own events may come first
        String seenFr = String.join("\n", readUntil(fr, last));
        String seenDe = String.join("\n", readUntil(de, last));
        String seenPartner = String.join("\n", readUntil(partner, last));
        assertThat(seenFr).contains("data: {\"type\":\"asset.updated\",\"subject\":\"" + everywhere + "\"}").doesNotContain(germanOnly)
                .doesNotContain("event: ");
        assertThat(seenDe).contains(germanOnly).contains(everywhere);
        assertThat(seenPartner).contains(released).doesNotContain(everywhere).doesNotContain(germanOnly);
    }

    @Test
    void putting_an_asset_into_a_collection_or_taking_it_out_is_heard_once_and_only_by_those_who_may_see_the_asset() throws Exception {
        String collection = server.json(gov.admin("POST", "/api/v1/collections", "{\"name\":\"Live board\"}")).path("id").asText();
        var fr = stream(cookie("consumer", "FR"), "?timeout=60", null);
        var de = stream(cookie("consumer", "DE"), "?timeout=60", null);
        Thread.sleep(300);
        String add = "/api/v1/collections/" + collection + "/assets";
        String both = "{\"assetIds\":[\"" + germanOnly + "\",\"" + everywhere + "\"]}";
        assertThat(gov.admin("POST", add, both).statusCode()).isIn(200, 201, 204);
        assertThat(gov.admin("POST", add, both).statusCode()).as("already there: nothing changes").isIn(200, 201, 204);
        assertThat(gov.admin("DELETE", add + "/" + everywhere, null).statusCode()).isIn(200, 204);
        String last = "\"asset.collection.removed\",\"subject\":\"" + everywhere;
        List<String> seenFr = readUntil(fr, last);
        List<String> seenDe = readUntil(de, last);
        assertThat(seenFr).filteredOn(l -> l.contains("asset.collection.added"))
                .containsExactly("data: {\"type\":\"asset.collection.added\",\"subject\":\"" + everywhere + "\"}");
        assertThat(String.join("\n", seenFr)).doesNotContain(germanOnly).doesNotContain(collection);
        assertThat(seenDe).filteredOn(l -> l.contains("asset.collection.added")).hasSize(2).anyMatch(l -> l.contains(germanOnly));
        assertThat(server.get("/api/v1/events?timeout=1&lastEventId=0&types=asset.collection.*").body())
                .as("the API's stream names the collection").contains("\"collection\":\"" + collection + "\"");

        var again = stream(cookie("consumer", "DE"), "?timeout=60", null);
        Thread.sleep(300);
        assertThat(gov.admin("DELETE", "/api/v1/collections/" + collection, null).statusCode()).isIn(200, 204);
        String removed = "\"asset.collection.removed\",\"subject\":\"" + germanOnly;
        assertThat(readUntil(again, removed)).as("deleting the collection takes its assets out of it").anyMatch(l -> l.contains(removed));
    }

    @Test
    void a_person_limited_to_a_collection_hears_an_asset_taken_out_of_it_though_she_no_longer_sees_it() throws Exception {
        String board = server.json(gov.admin("POST", "/api/v1/collections", "{\"name\":\"Agency board\"}")).path("id").asText();
        String other = server.json(gov.admin("POST", "/api/v1/collections", "{\"name\":\"Internal board\"}")).path("id").asText();
        assertThat(gov.admin("POST", "/api/v1/collections/" + board + "/assets", "{\"assetIds\":[\"" + everywhere + "\"]}")
                .statusCode()).isIn(200, 201, 204);
        assertThat(gov.admin("POST", "/api/v1/collections/" + other + "/assets", "{\"assetIds\":[\"" + germanOnly + "\"]}")
                .statusCode()).isIn(200, 201, 204);
        GovernanceClient.Created agency = gov.userIn("consumer", List.of(board));
        var heard = stream(WebUiGovernanceTest.signIn(server, agency.token()).cookie(), "?timeout=60", null);
        Thread.sleep(300);

        assertThat(gov.admin("DELETE", "/api/v1/collections/" + other + "/assets/" + germanOnly, null).statusCode()).isIn(200, 204);
        assertThat(gov.admin("DELETE", "/api/v1/collections/" + board + "/assets/" + everywhere, null).statusCode()).isIn(200, 204);
        String removed = "\"asset.collection.removed\",\"subject\":\"" + everywhere;
        List<String> seen = readUntil(heard, removed);
        assertThat(seen).as("her open collection page must drop it").anyMatch(l -> l.contains(removed));
        assertThat(String.join("\n", seen)).as("never hers to see").doesNotContain(germanOnly);
        assertThat(gov.call(agency.token(), "GET", "/api/v1/assets/" + everywhere, null).statusCode())
                .as("out of her collection, she no longer sees it").isEqualTo(404);
    }

    @Test
    void a_page_resumes_after_its_last_event_id_heartbeats_keep_it_open_and_enrichment_finishing_is_heard() throws Exception {
        String admin = WebUiGovernanceTest.signIn(server, TestServer.TOKEN).cookie();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        List<String> replay;
        do { // asset.enriched comes after the enrichment steps, a little after "ready"
            replay = readUntil(stream(admin, "?timeout=2&heartbeat=1", "0"), null);
        } while (replay.stream().noneMatch(l -> l.contains("\"asset.enriched\",\"subject\":\"" + everywhere)) && System.nanoTime() < deadline);
        assertThat(replay).anyMatch(l -> l.startsWith("id: ")).anyMatch(l -> l.contains("\"type\":\"asset.created\""))
                .anyMatch(l -> l.contains("\"type\":\"asset.ready\"")).anyMatch(l -> l.contains("\"type\":\"asset.enriched\""))
                .anyMatch(l -> l.equals(": heartbeat"));
        long lastId = replay.stream().filter(l -> l.startsWith("id: ")).mapToLong(l -> Long.parseLong(l.substring(4))).max().orElseThrow();
        assertThat(readUntil(stream(admin, "?timeout=1", Long.toString(lastId)), null)).filteredOn(l -> l.startsWith("id: "))
                .allMatch(l -> Long.parseLong(l.substring(4)) > lastId);
    }

    @Test
    void a_fifth_stream_of_a_session_ends_its_oldest_which_a_closed_page_may_have_left_open() throws Exception {
        String librarian = cookie("librarian");
        List<HttpResponse<Stream<String>>> held = new ArrayList<>();
        for (int i = 0; i < LiveRoutes.STREAMS_PER_SESSION; i++) {
            held.add(stream(librarian, "?timeout=60&heartbeat=1", null));
        }
        var oldest = java.util.concurrent.CompletableFuture.supplyAsync(() -> readUntil(held.getFirst(), null));
        HttpResponse<Stream<String>> fifth = stream(librarian, "?timeout=60&heartbeat=1", null);
        // the oldest ends at its next heartbeat; the server ends it, the client did not
        assertThat(oldest.get(20, TimeUnit.SECONDS)).contains(": vitrine event stream");
        var second = java.util.concurrent.CompletableFuture.supplyAsync(() -> readUntil(held.get(1), null));
        Thread.sleep(2500);
        assertThat(second).as("the other streams stay open").isNotDone();
        fifth.body().close();
        held.forEach(r -> r.body().close());
    }

    @Test
    void without_a_session_the_stream_says_401_rather_than_redirecting_to_the_login_page() throws Exception {
        HttpResponse<Stream<String>> r = open(null, "", null);
        assertThat(r.statusCode()).isEqualTo(401);
        r.body().close();
    }

    @Test
    void grid_cards_are_rendered_only_for_assets_the_person_may_see() throws Exception {
        var french = WebUiGovernanceTest.signIn(server, gov.user("consumer", "FR"));
        String html = french.get("/tiles?id=" + germanOnly + "&id=" + everywhere + "&id=not-an-id").body();
        assertThat(html).contains("data-asset=\"" + everywhere + "\"").doesNotContain(germanOnly).contains("class=\"tile\"");
        assertThat(french.get("/tiles").statusCode()).isEqualTo(200);
    }

}
