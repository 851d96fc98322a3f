package io.vitrine.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.vitrine.TestServer;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Near-real-time visibility and the admin rebuild, through the API. */
class IndexLifecycleApiTest {
    @TempDir
    static Path data;

    static TestServer server;

    @BeforeAll
    static void start() {
        server = new TestServer(data, Map.of());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static String upload(String name, int seed, String title) throws Exception {
        HttpResponse<String> r = server.upload("?onDuplicate=allow", name, Media.jpeg(160, 120, seed), "{\"title\":\"" + title + "\"}");
        return server.json(r).path("id").asText();
    }

    @Test
    void an_uploaded_asset_is_searchable_within_two_seconds_of_ready() throws Exception {
        String id = upload("nrt.jpg", 41, "Quokka selfie");
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (!"ready".equals(server.json(server.get("/api/v1/assets/" + id)).path("status").asText())) {
            assertThat(System.nanoTime()).as("asset became ready").isLessThan(deadline);
            Thread.sleep(20);
        }
        long ready = System.nanoTime();
        while (server.json(server.get("/api/v1/search?q=quokka")).path("total").asInt() == 0) {
            assertThat(Duration.ofNanos(System.nanoTime() - ready)).as("searchable after ready").isLessThan(Duration.ofSeconds(2));
            Thread.sleep(20);
        }
        assertThat(Duration.ofNanos(System.nanoTime() - ready)).isLessThan(Duration.ofSeconds(2));
    }

    @Test
    void the_admin_rebuild_swaps_in_a_fresh_index_while_searches_keep_answering() throws Exception {
        for (int i = 0; i < 3; i++) {
            server.awaitSettled(upload("wombat" + i + ".jpg", 50 + i, "Wombat " + i));
        }
        awaitTotal("wombat", 3);
        AtomicBoolean rebuilding = new AtomicBoolean(true);
        AtomicInteger searches = new AtomicInteger();
        ConcurrentLinkedQueue<String> problems = new ConcurrentLinkedQueue<>();
        Thread searcher = Thread.ofVirtual().start(() -> {
            while (rebuilding.get()) {
                try {
                    HttpResponse<String> r = server.get("/api/v1/search?q=wombat");
                    int total = server.json(r).path("total").asInt();
                    if (r.statusCode() != 200 || total != 3) {
                        problems.add(r.statusCode() + " total " + total);
                    }
                    searches.incrementAndGet();
                } catch (Exception e) {
                    problems.add(e.toString());
                }
            }
        });
        HttpResponse<String> r = server.send(server.request("/api/v1/admin/reindex").POST(HttpRequest.BodyPublishers.noBody()).build());
        Thread.sleep(200);
        rebuilding.set(false);
        searcher.join();
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonNode body = server.json(r);
        assertThat(body.path("indexed").asLong()).isEqualTo(server.vitrine().assets().countLive());
        assertThat(problems).isEmpty();
        assertThat(searches.get()).isPositive();
        assertThat(awaitTotal("wombat", 3)).isEqualTo(3);
        String later = upload("wombat-later.jpg", 60, "Wombat later");
        server.awaitSettled(later);
        assertThat(awaitTotal("wombat", 4)).as("writes after the swap reach the new index").isEqualTo(4);
    }

    static int awaitTotal(String q, int expected) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        int total;
        do {
            total = server.json(server.get("/api/v1/search?q=" + q)).path("total").asInt();
            if (total == expected) {
                return total;
            }
            Thread.sleep(50);
        } while (System.nanoTime() < deadline);
        return total;
    }
}
