package io.vitrine.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.drew.imaging.ImageMetadataReader;
import com.drew.metadata.exif.GpsDirectory;
import com.fasterxml.jackson.databind.JsonNode;
import io.vitrine.TestServer;
import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The asset API end to end on a real server: upload, processing, metadata, renditions, downloads, edits, delete. */
class AssetApiTest {
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

    @Test
    void health_answers_up_without_a_token() throws Exception {
        HttpResponse<String> r = server.send(HttpRequest.newBuilder(server.uri("/health")).build());
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(server.json(r).path("status").asText()).isEqualTo("UP");
    }

    @Test
    void uploads_a_photo_and_processes_it_to_ready_with_metadata_and_renditions() throws Exception {
        byte[] photo = TestServer.read(Media.corpus("photos/exiv2/FurnaceCreekInn.jpg"));
        HttpResponse<String> r = server.upload("?onDuplicate=allow", "FurnaceCreekInn.jpg", photo, null);
        assertThat(r.statusCode()).isEqualTo(201);
        JsonNode created = server.json(r);
        assertThat(created.path("sha256").asText()).isEqualTo(sha256(photo));
        assertThat(r.headers().firstValue("Location")).contains("/api/v1/assets/" + created.path("id").asText());

        JsonNode a = server.awaitSettled(created.path("id").asText());
        assertThat(a.path("status").asText()).isEqualTo("ready");
        assertThat(a.path("mediaType").asText()).isEqualTo("image/jpeg");
        assertThat(a.path("width").asInt()).isEqualTo(400);
        assertThat(a.path("metadata").path("cameraModel").asText()).isEqualTo("Canon PowerShot S5 IS");
        assertThat(a.path("metadata").path("gps").path("latitude").asDouble()).isBetween(36.0, 37.0);
        assertThat(a.path("metadata").path("sources").path("cameraModel").asText()).isEqualTo("embedded");
        assertThat(a.path("metadata").path("raw").size()).isGreaterThan(0);
        assertThat(a.path("renditions").findValuesAsText("name")).contains("thumb", "preview", "web");
    }

    @Test
    void renditions_carry_no_gps_and_are_served_with_etag() throws Exception {
        JsonNode a = uploadSettled("gps.jpg", TestServer.read(Media.corpus("photos/exiv2/FurnaceCreekInn.jpg")), "?onDuplicate=allow");
        HttpResponse<byte[]> thumb = server.sendBytes(server.request("/api/v1/assets/" + a.path("id").asText() + "/renditions/thumb").build());
        assertThat(thumb.statusCode()).isEqualTo(200);
        assertThat(thumb.headers().firstValue("Content-Type").orElse("")).startsWith("image/jpeg");
        assertThat(thumb.headers().firstValue("ETag")).isPresent();
        assertThat(ImageMetadataReader.readMetadata(new ByteArrayInputStream(thumb.body())).getFirstDirectoryOfType(GpsDirectory.class)).isNull();

        HttpResponse<byte[]> again = server.sendBytes(server.request("/api/v1/assets/" + a.path("id").asText() + "/renditions/thumb")
                .header("If-None-Match", thumb.headers().firstValue("ETag").orElseThrow()).build());
        assertThat(again.statusCode()).isEqualTo(304);
    }

    @Test
    void downloads_the_original_whole_and_by_range() throws Exception {
        byte[] jpeg = Media.jpeg(320, 200, 1);
        JsonNode a = uploadSettled("range.jpg", jpeg, "");
        String path = "/api/v1/assets/" + a.path("id").asText() + "/original";
        HttpResponse<byte[]> whole = server.sendBytes(server.request(path).build());
        assertThat(whole.body()).isEqualTo(jpeg);
        assertThat(whole.headers().firstValue("ETag")).contains("\"" + sha256(jpeg) + "\"");
        assertThat(whole.headers().firstValue("Content-Disposition").orElseThrow()).contains("attachment", "range.jpg");

        HttpResponse<byte[]> part = server.sendBytes(server.request(path).header("Range", "bytes=10-19").build());
        assertThat(part.statusCode()).isEqualTo(206);
        assertThat(part.body()).isEqualTo(java.util.Arrays.copyOfRange(jpeg, 10, 20));
        assertThat(part.headers().firstValue("Content-Range")).contains("bytes 10-19/" + jpeg.length);

        HttpResponse<byte[]> tail = server.sendBytes(server.request(path).header("Range", "bytes=-5").build());
        assertThat(tail.body()).isEqualTo(java.util.Arrays.copyOfRange(jpeg, jpeg.length - 5, jpeg.length));

        HttpResponse<byte[]> beyond = server.sendBytes(server.request(path).header("Range", "bytes=" + jpeg.length + "-").build());
        assertThat(beyond.statusCode()).isEqualTo(416);
    }

    @Test
    void exact_duplicates_follow_the_policy() throws Exception {
        byte[] jpeg = Media.jpeg(100, 80, 2);
        String first = server.json(server.upload("dup.jpg", jpeg)).path("id").asText();

        HttpResponse<String> linked = server.upload("again.jpg", jpeg);
        assertThat(linked.statusCode()).isEqualTo(200);
        assertThat(server.json(linked).path("duplicateOf").asText()).isEqualTo(first);
        assertThat(server.json(linked).path("id").asText()).isEqualTo(first);

        HttpResponse<String> rejected = server.upload("?onDuplicate=reject", "again.jpg", jpeg, null);
        assertThat(rejected.statusCode()).isEqualTo(409);
        assertThat(rejected.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(server.json(rejected).path("existingId").asText()).isEqualTo(first);

        HttpResponse<String> versioned = server.upload("?onDuplicate=version", "again-v2.jpg", jpeg, null);
        assertThat(versioned.statusCode()).isEqualTo(201);
        assertThat(server.json(versioned).path("id").asText()).isEqualTo(first);
        assertThat(server.json(versioned).path("version").asInt()).isEqualTo(2);
        JsonNode versions = server.json(server.get("/api/v1/assets/" + first + "/versions")).path("versions");
        assertThat(versions.size()).isEqualTo(2);
        assertThat(versions.get(0).path("current").asBoolean()).isTrue();

        HttpResponse<String> allowed = server.upload("?onDuplicate=allow", "copy.jpg", jpeg, null);
        assertThat(allowed.statusCode()).isEqualTo(201);
        assertThat(server.json(allowed).path("id").asText()).isNotEqualTo(first);

        assertThat(server.upload("?onDuplicate=maybe", "x.jpg", jpeg, null).statusCode()).isEqualTo(400);
    }

    @Test
    void simultaneous_uploads_of_the_same_file_make_one_asset() throws Exception {
        byte[] jpeg = Media.jpeg(500, 400, 77);
        java.util.List<java.util.concurrent.CompletableFuture<HttpResponse<String>>> calls = new java.util.ArrayList<>();
        for (int i = 0; i < 6; i++) {
            calls.add(java.util.concurrent.CompletableFuture.supplyAsync(() -> {
                try {
                    return server.upload("same.jpg", jpeg);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }));
        }
        java.util.Set<String> ids = new java.util.HashSet<>();
        int created = 0;
        for (var c : calls) {
            HttpResponse<String> r = c.get();
            ids.add(server.json(r).path("id").asText());
            created += r.statusCode() == 201 ? 1 : 0;
        }
        assertThat(ids).hasSize(1);
        assertThat(created).isEqualTo(1);
    }

    @Test
    void a_new_version_replaces_the_current_file_and_keeps_the_old_one() throws Exception {
        String id = uploadSettled("v1.jpg", Media.jpeg(200, 100, 3), "").path("id").asText();
        TestServer.Multipart body = new TestServer.Multipart().file("file", "v2.png", Media.png(50, 60, 4));
        HttpResponse<String> r = server.send(server.request("/api/v1/assets/" + id + "/versions")
                .header("Content-Type", body.contentType()).POST(HttpRequest.BodyPublishers.ofByteArray(body.bytes())).build());
        assertThat(r.statusCode()).isEqualTo(201);
        JsonNode a = server.awaitSettled(id);
        assertThat(a.path("version").asInt()).isEqualTo(2);
        assertThat(a.path("mediaType").asText()).isEqualTo("image/png");
        assertThat(a.path("width").asInt()).isEqualTo(50);
        assertThat(server.json(server.get("/api/v1/assets/" + id + "/versions")).path("versions").size()).isEqualTo(2);
    }

    @Test
    void upload_metadata_and_patches_are_recorded_as_human() throws Exception {
        HttpResponse<String> r = server.upload("?onDuplicate=allow", "meta.jpg", Media.jpeg(64, 64, 5),
                "{\"title\":\"Harbour at dawn\",\"keywords\":[\"harbour\",\"dawn\"]}");
        String id = server.json(r).path("id").asText();
        JsonNode a = server.awaitSettled(id);
        assertThat(a.path("metadata").path("title").asText()).isEqualTo("Harbour at dawn");
        assertThat(a.path("metadata").path("sources").path("title").asText()).isEqualTo("human");

        HttpResponse<String> patched = server.send(server.request("/api/v1/assets/" + id).header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString("{\"description\":\"Boats\",\"custom\":{\"campaign\":\"spring\"}}")).build());
        assertThat(patched.statusCode()).isEqualTo(200);
        JsonNode p = server.json(patched);
        assertThat(p.path("metadata").path("description").asText()).isEqualTo("Boats");
        assertThat(p.path("metadata").path("title").asText()).isEqualTo("Harbour at dawn");
        assertThat(p.path("metadata").path("custom").path("campaign").asText()).isEqualTo("spring");
        assertThat(p.path("metadata").path("sources").path("description").asText()).isEqualTo("human");
    }

    @Test
    void rejects_bad_patches_precisely() throws Exception {
        String id = uploadSettled("patch.jpg", Media.jpeg(64, 48, 6), "").path("id").asText();
        for (String bad : new String[] {"{\"title\":5}", "{\"colour\":\"red\"}", "[1,2]", "{not json", "{\"keywords\":\"a\"}"}) {
            HttpResponse<String> r = server.send(server.request("/api/v1/assets/" + id).header("Content-Type", "application/json")
                    .method("PATCH", HttpRequest.BodyPublishers.ofString(bad)).build());
            assertThat(r.statusCode()).as(bad).isEqualTo(400);
            assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
            assertThat(server.json(r).path("detail").asText()).isNotBlank();
        }
    }

    @Test
    void lists_assets_newest_first_with_a_cursor() throws Exception {
        for (int i = 0; i < 3; i++) {
            server.upload("list-" + i + ".jpg", Media.jpeg(40, 30, 100 + i));
        }
        JsonNode page1 = server.json(server.get("/api/v1/assets?limit=2"));
        assertThat(page1.path("items").size()).isEqualTo(2);
        String cursor = page1.path("nextCursor").asText();
        JsonNode page2 = server.json(server.get("/api/v1/assets?limit=2&cursor=" + cursor));
        assertThat(page2.path("items").get(0).path("id").asText()).isNotIn(page1.path("items").findValuesAsText("id"));
        assertThat(server.get("/api/v1/assets?cursor=garbage!!").statusCode()).isEqualTo(400);
        assertThat(server.get("/api/v1/assets?limit=0").statusCode()).isEqualTo(400);
        assertThat(server.get("/api/v1/assets?limit=100000").statusCode()).isEqualTo(400);
    }

    @Test
    void deleted_assets_disappear_until_restored() throws Exception {
        String id = uploadSettled("gone.jpg", Media.jpeg(64, 64, 7), "").path("id").asText();
        HttpResponse<String> del = server.send(server.request("/api/v1/assets/" + id).DELETE().build());
        assertThat(del.statusCode()).isEqualTo(204);
        assertThat(server.get("/api/v1/assets/" + id).statusCode()).isEqualTo(404);
        assertThat(server.get("/api/v1/assets/" + id + "/original").statusCode()).isEqualTo(404);
        assertThat(server.send(server.request("/api/v1/assets/" + id).DELETE().build()).statusCode()).isEqualTo(404);

        HttpResponse<String> restored = server.send(server.request("/api/v1/assets/" + id + "/restore").POST(HttpRequest.BodyPublishers.noBody()).build());
        assertThat(restored.statusCode()).isEqualTo(200);
        assertThat(server.get("/api/v1/assets/" + id + "/original").statusCode()).isEqualTo(200);
    }

    @Test
    void unknown_ids_and_renditions_are_404_problems() throws Exception {
        HttpResponse<String> r = server.get("/api/v1/assets/..%2F..%2Fetc%2Fpasswd");
        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        String id = uploadSettled("r.jpg", Media.jpeg(64, 64, 8), "").path("id").asText();
        HttpResponse<String> none = server.get("/api/v1/assets/" + id + "/renditions/huge");
        assertThat(none.statusCode()).isEqualTo(404);
        assertThat(server.json(none).path("detail").asText()).contains("thumb");
        assertThat(server.get("/api/v1/nothing-here").statusCode()).isEqualTo(404);
    }

    static JsonNode uploadSettled(String name, byte[] content, String query) throws Exception {
        HttpResponse<String> r = server.upload(query, name, content, null);
        assertThat(r.statusCode()).as(r.body()).isIn(200, 201);
        return server.awaitSettled(server.json(r).path("id").asText());
    }

    static String sha256(byte[] b) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
    }
}
