package io.vitrine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vitrine.config.ConfigLoader;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * A real Vitrine (embedded H2, Lucene, local files, libvips, ffmpeg) on a random loopback port, for
 * end-to-end tests, with a small HTTP client.
 */
public final class TestServer implements AutoCloseable {
    public static final String TOKEN = "test-admin-token";

    private final Vitrine vitrine;
    private final Path dataDir;
    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    public TestServer(Path dataDir, Map<String, String> extraEnv) {
        this.dataDir = dataDir;
        Map<String, String> env = new HashMap<>();
        env.put("VITRINE_DATA", dataDir.toString());
        env.put("VITRINE_PORT", "0");
        env.put("VITRINE_ADMIN_TOKEN", TOKEN);
        env.put("VITRINE_WORKERS", "2");
        env.putAll(extraEnv);
        this.vitrine = new Vitrine(ConfigLoader.load(env));
        vitrine.auth().bootstrapAdmin(TOKEN);
        vitrine.startWorkers().startHttp();
    }

    public Vitrine vitrine() {
        return vitrine;
    }

    public Path dataDir() {
        return dataDir;
    }

    public URI uri(String path) {
        return URI.create("http://127.0.0.1:" + vitrine.port() + path);
    }

    public HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + TOKEN).timeout(Duration.ofSeconds(60));
    }

    public HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return send(request(path).GET().build());
    }

    public HttpResponse<String> send(HttpRequest req) throws IOException, InterruptedException {
        return http.send(req, HttpResponse.BodyHandlers.ofString());
    }

    public HttpResponse<byte[]> sendBytes(HttpRequest req) throws IOException, InterruptedException {
        return http.send(req, HttpResponse.BodyHandlers.ofByteArray());
    }

    public JsonNode json(HttpResponse<String> r) throws IOException {
        return json.readTree(r.body());
    }

    /** Uploads bytes as part {@code file} with the given filename (and optional metadata JSON). */
    public HttpResponse<String> upload(String query, String filename, byte[] content, String metadataJson)
            throws IOException, InterruptedException {
        Multipart body = new Multipart().file("file", filename, content);
        if (metadataJson != null) {
            body.field("metadata", metadataJson);
        }
        return send(request("/api/v1/assets" + query).header("Content-Type", body.contentType())
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.bytes())).build());
    }

    public HttpResponse<String> upload(String filename, byte[] content) throws IOException, InterruptedException {
        return upload("", filename, content, null);
    }

    /** Whether a search (as the admin) for {@code query} lists asset {@code id} among its hits. */
    public boolean finds(String query, String id) throws IOException, InterruptedException {
        return json(get("/api/v1/search?" + query)).path("hits").findValuesAsText("id").contains(id);
    }

    /** Polls until a search for {@code query} does ({@code present}) or does not list {@code id}; fails after {@code within}. */
    public void awaitSearch(String query, String id, boolean present, Duration within) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        while (finds(query, id) != present) {
            org.assertj.core.api.Assertions.assertThat(System.nanoTime())
                    .as(query + " should " + (present ? "" : "not ") + "find " + id).isLessThan(deadline);
            Thread.sleep(150);
        }
    }

    /** Polls the asset until it leaves {@code processing}; returns its final JSON. */
    public JsonNode awaitSettled(String id) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode a = json(get("/api/v1/assets/" + id));
            if (!"processing".equals(a.path("status").asText())) {
                return a;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("asset " + id + " still processing after 90 s");
    }

    public static byte[] read(Path p) throws IOException {
        return Files.readAllBytes(p);
    }

    @Override
    public void close() {
        vitrine.close();
    }

    /** A hand-built multipart/form-data body. */
    public static final class Multipart {
        private final String boundary = "----vitrine" + UUID.randomUUID();
        private final java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();

        public Multipart file(String name, String filename, byte[] content) {
            write("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"; filename=\"" + filename
                    + "\"\r\nContent-Type: application/octet-stream\r\n\r\n");
            out.writeBytes(content);
            write("\r\n");
            return this;
        }

        public Multipart field(String name, String value) {
            write("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value + "\r\n");
            return this;
        }

        public String contentType() {
            return "multipart/form-data; boundary=" + boundary;
        }

        public byte[] bytes() {
            java.io.ByteArrayOutputStream all = new java.io.ByteArrayOutputStream();
            all.writeBytes(out.toByteArray());
            all.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
            return all.toByteArray();
        }

        private void write(String s) {
            out.writeBytes(s.getBytes(StandardCharsets.UTF_8));
        }
    }
}
