package io.vitrine.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.vitrine.TestServer;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Broken and hostile input: each gets a precise 4xx problem or a failed/quarantined asset, and nothing half-written. */
class HostileInputTest {
    @TempDir
    static Path data;

    static TestServer server;

    @BeforeAll
    static void start() {
        server = new TestServer(data, Map.of("VITRINE_MAX_UPLOAD_BYTES", "5000000", "VITRINE_MAX_PIXELS", "50000000"));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @AfterEach
    void server_keeps_serving_and_leaves_no_partial_files() throws Exception {
        assertThat(server.send(HttpRequest.newBuilder(server.uri("/health")).build()).statusCode()).isEqualTo(200);
        try (Stream<Path> staging = Files.list(data.resolve("blobs").resolve("tmp"))) {
            assertThat(staging.toList()).isEmpty();
        }
    }

    @Test
    void rejects_missing_and_wrong_tokens_with_401_problem() throws Exception {
        HttpResponse<String> none = server.send(HttpRequest.newBuilder(server.uri("/api/v1/assets")).build());
        assertThat(none.statusCode()).isEqualTo(401);
        assertThat(none.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(none.headers().firstValue("WWW-Authenticate")).isPresent();
        JsonNode p = server.json(none);
        assertThat(p.path("type").asText()).isNotBlank();
        assertThat(p.path("title").asText()).isNotBlank();
        assertThat(p.path("status").asInt()).isEqualTo(401);
        assertThat(p.path("detail").asText()).contains("Bearer");

        HttpResponse<String> wrong = server.send(HttpRequest.newBuilder(server.uri("/api/v1/search?q=x"))
                .header("Authorization", "Bearer not-the-token").build());
        assertThat(wrong.statusCode()).isEqualTo(401);
        HttpResponse<String> unknownRoute = server.send(HttpRequest.newBuilder(server.uri("/api/v1/whatever")).build());
        assertThat(unknownRoute.statusCode()).isEqualTo(401);
    }

    @Test
    void rejects_an_empty_file() throws Exception {
        HttpResponse<String> r = server.upload("empty.jpg", new byte[0]);
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(server.json(r).path("detail").asText()).contains("empty");
    }

    @Test
    void a_path_in_the_filename_is_reduced_to_its_last_segment() throws Exception {
        HttpResponse<String> r = server.upload("?onDuplicate=allow", "../../etc/passwd", "root:x:0:0:root:/root:/bin/bash\n".getBytes(StandardCharsets.UTF_8), null);
        assertThat(r.statusCode()).isEqualTo(201);
        assertThat(server.json(r).path("filename").asText()).isEqualTo("passwd");
        assertThat(data.getParent().resolve("etc")).doesNotExist();
    }

    @Test
    void decides_the_type_by_content_and_flags_a_spoofed_extension() throws Exception {
        HttpResponse<String> r = server.upload("?onDuplicate=allow", "holiday.png", Media.jpeg(120, 90, 11), null);
        JsonNode a = server.awaitSettled(server.json(r).path("id").asText());
        assertThat(a.path("mediaType").asText()).isEqualTo("image/jpeg");
        assertThat(a.path("typeMismatch").asBoolean()).isTrue();
        assertThat(a.path("claimedType").asText()).isEqualTo("image/png");
        assertThat(a.path("status").asText()).isEqualTo("ready");
    }

    @Test
    void rejects_malformed_multipart_bodies() throws Exception {
        HttpResponse<String> garbage = server.send(server.request("/api/v1/assets")
                .header("Content-Type", "multipart/form-data; boundary=xyz")
                .POST(HttpRequest.BodyPublishers.ofString("--xyz\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a\"\r\n\r\nabc")).build());
        assertThat(garbage.statusCode()).isEqualTo(400);
        assertThat(garbage.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");

        HttpResponse<String> notMultipart = server.send(server.request("/api/v1/assets")
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}")).build());
        assertThat(notMultipart.statusCode()).isEqualTo(400);

        TestServer.Multipart noFile = new TestServer.Multipart().field("metadata", "{}");
        HttpResponse<String> missing = server.send(server.request("/api/v1/assets").header("Content-Type", noFile.contentType())
                .POST(HttpRequest.BodyPublishers.ofByteArray(noFile.bytes())).build());
        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(server.json(missing).path("detail").asText()).contains("file");

        HttpResponse<String> badMeta = server.upload("", "m.jpg", Media.jpeg(20, 20, 12), "{\"title\": [}");
        assertThat(badMeta.statusCode()).isEqualTo(400);
    }

    @Test
    void refuses_uploads_over_the_size_limit_with_413() throws Exception {
        byte[] big = new byte[6_000_000];
        Arrays.fill(big, (byte) 7);
        HttpResponse<String> r = server.upload("big.bin", big);
        assertThat(r.statusCode()).isEqualTo(413);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
    }

    @Test
    void fails_a_decompression_bomb_with_the_pixel_limit_as_reason() throws Exception {
        HttpResponse<String> r = server.upload("?onDuplicate=allow", "bomb.png", io.vitrine.testing.TestMedia.pngClaiming(100_000, 100_000), null);
        assertThat(r.statusCode()).isEqualTo(201);
        JsonNode a = server.awaitSettled(server.json(r).path("id").asText());
        assertThat(a.path("status").asText()).isEqualTo("failed");
        assertThat(a.path("statusReason").asText()).contains("100000").contains("limit");
    }

    @Test
    void fails_a_truncated_image_with_a_reason() throws Exception {
        byte[] jpeg = Media.jpeg(600, 400, 13);
        HttpResponse<String> r = server.upload("?onDuplicate=allow", "cut.jpg", Arrays.copyOf(jpeg, jpeg.length / 2), null);
        JsonNode a = server.awaitSettled(server.json(r).path("id").asText());
        assertThat(a.path("status").asText()).isEqualTo("failed");
        assertThat(a.path("statusReason").asText()).isNotBlank();
    }

    @Test
    void quarantines_an_svg_with_script_and_never_serves_it() throws Exception {
        String svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\"><script>alert(1)</script>"
                + "<rect width=\"10\" height=\"10\"/></svg>";
        HttpResponse<String> r = server.upload("?onDuplicate=allow", "logo.svg", svg.getBytes(StandardCharsets.UTF_8), null);
        assertThat(r.statusCode()).isEqualTo(201);
        JsonNode a = server.awaitSettled(server.json(r).path("id").asText());
        assertThat(a.path("status").asText()).isEqualTo("quarantined");
        assertThat(a.path("statusReason").asText()).contains("script");
        assertThat(a.path("renditions").size()).isZero();
        assertThat(server.get("/api/v1/assets/" + a.path("id").asText() + "/original").statusCode()).isEqualTo(403);
    }

    @Test
    void renders_a_safe_svg() throws Exception {
        String svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"300\" height=\"200\"><rect width=\"300\" height=\"200\" fill=\"#c33\"/></svg>";
        HttpResponse<String> r = server.upload("?onDuplicate=allow", "safe.svg", svg.getBytes(StandardCharsets.UTF_8), null);
        JsonNode a = server.awaitSettled(server.json(r).path("id").asText());
        assertThat(a.path("mediaType").asText()).isEqualTo("image/svg+xml");
        assertThat(a.path("status").asText()).isEqualTo("ready");
        assertThat(a.path("renditions").findValuesAsText("name")).contains("thumb");
    }
}
