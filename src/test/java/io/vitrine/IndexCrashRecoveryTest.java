package io.vitrine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vitrine.api.ApiTestMedia;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * kill -9 of a real server JVM in the middle of heavy indexing (uploads and metadata edits from
 * several clients), then a restart on the same data: the index must end up consistent with the
 * database, document by document, and search must show the last edit of every asset.
 */
class IndexCrashRecoveryTest {
    @TempDir
    Path data;

    @Test
    void after_kill_9_during_heavy_indexing_a_restart_makes_the_index_match_the_database() throws Exception {
        Process child = start();
        try {
            int port = awaitPort(child);
            Client c = new Client(port);
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                ids.add(c.upload("seed" + i + ".jpg", "{\"title\":\"seed " + i + "\"}"));
            }
            AtomicInteger edits = new AtomicInteger();
            ExecutorService clients = Executors.newFixedThreadPool(4);
            for (int t = 0; t < 4; t++) {
                int thread = t;
                clients.submit(() -> {
                    for (int n = 0; !Thread.currentThread().isInterrupted(); n++) {
                        if (n % 5 == 0) {
                            c.upload("flood-" + thread + "-" + n + ".jpg", "{\"title\":\"flood " + thread + " " + n + "\"}");
                        } else {
                            c.patch(ids.get(n % ids.size()), "{\"title\":\"edit " + thread + " " + n + "\"}");
                        }
                        edits.incrementAndGet();
                    }
                    return null;
                });
            }
            Thread.sleep(4_000); // within one commit interval (5 s) of the last index commit, for sure
            child.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            clients.shutdownNow();
            clients.awaitTermination(30, TimeUnit.SECONDS);
            assertThat(edits.get()).as("writes before the kill").isGreaterThan(8);
        } finally {
            child.destroyForcibly();
        }
        try (TestServer restarted = new TestServer(data, Map.of("VITRINE_JOB_LEASE", "PT15S"))) {
            Vitrine v = restarted.vitrine();
            long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
            while (v.jobs().pending() > 0 && System.nanoTime() < deadline) {
                Thread.sleep(200);
            }
            assertThat(v.jobs().pending()).as("queued work resumed and finished").isZero();
            assertThat(v.indexing().reconcile()).as("documents still missing or stale").isZero();
            Set<String> live = new HashSet<>();
            v.assets().forEachLive(a -> live.add(a.id()));
            HttpResponse<String> all = restarted.get("/api/v1/search?limit=200");
            assertThat(restarted.json(all).path("total").asInt()).isEqualTo(live.size());
            v.assets().forEachLive(a -> assertThat(titleSearchFinds(restarted, a.userMetadata() == null ? null
                    : a.userMetadata().title(), a.id())).as(a.id()).isTrue());
        }
    }

    private static boolean titleSearchFinds(TestServer s, String title, String id) {
        if (title == null) {
            return true;
        }
        try {
            String q = java.net.URLEncoder.encode("\"" + title + "\"", StandardCharsets.UTF_8);
            JsonNode r = s.json(s.get("/api/v1/search?limit=200&q=" + q));
            return r.path("hits").findValuesAsText("id").contains(id);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private Process start() throws Exception {
        Path args = Files.createTempFile("crash-target", ".args");
        // an argument file: a long command line kills ONNX Runtime's JVM at start (see models README)
        Files.writeString(args, String.join("\n", List.of("--add-modules", "jdk.incubator.vector",
                "--enable-native-access=ALL-UNNAMED", "-Xmx512m", "-cp",
                "\"" + System.getProperty("java.class.path").replace("\\", "\\\\") + "\"",
                CrashTarget.class.getName(), "\"" + data + "\"")));
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "@" + args);
        pb.environment().put("ORT_DISABLE_TELEMETRY", "1");
        pb.redirectErrorStream(true);
        return pb.start();
    }

    private static int awaitPort(Process child) throws Exception {
        BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
        String line;
        while ((line = out.readLine()) != null) {
            if (line.startsWith("CRASH-TARGET-PORT ")) {
                int port = Integer.parseInt(line.substring(18).strip());
                Thread.ofVirtual().start(() -> out.lines().forEach(l -> { })); // keep draining its output
                return port;
            }
        }
        throw new AssertionError("the server JVM exited before listening (exit " + child.waitFor() + ")");
    }

    /** A minimal client of the child server (TestServer's client is bound to an in-process server). */
    private record Client(int port) {
        static final HttpClient HTTP = HttpClient.newHttpClient();
        static final ObjectMapper JSON = new ObjectMapper();

        String upload(String name, String meta) throws Exception {
            TestServer.Multipart body = new TestServer.Multipart().file("file", name, ApiTestMedia.jpeg()).field("metadata", meta);
            HttpRequest r = request("/api/v1/assets?onDuplicate=allow").header("Content-Type", body.contentType())
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body.bytes())).build();
            return JSON.readTree(HTTP.send(r, HttpResponse.BodyHandlers.ofString()).body()).path("id").asText();
        }

        void patch(String id, String meta) throws Exception {
            HTTP.send(request("/api/v1/assets/" + id).header("Content-Type", "application/json")
                    .method("PATCH", HttpRequest.BodyPublishers.ofString(meta)).build(),
                    HttpResponse.BodyHandlers.ofString());
        }

        HttpRequest.Builder request(String path) {
            return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .header("Authorization", "Bearer " + TestServer.TOKEN).timeout(Duration.ofSeconds(30));
        }
    }
}
