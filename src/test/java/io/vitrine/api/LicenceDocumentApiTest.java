package io.vitrine.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.vitrine.TestServer;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Licence terms beyond channel, region and period: media covered, exclusivity, who a release covers, and the signed papers. */
class LicenceDocumentApiTest {
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

    static JsonNode addDocument(TestServer server, String licenceId, String filename, byte[] bytes) throws Exception {
        HttpResponse<String> r = upload(server, licenceId, filename, bytes);
        if (r.statusCode() != 201) {
            throw new AssertionError("document not added: " + r.statusCode() + " " + r.body());
        }
        return server.json(r);
    }

    private static HttpResponse<String> upload(TestServer server, String licenceId, String filename, byte[] bytes) throws Exception {
        TestServer.Multipart m = new TestServer.Multipart().file("file", filename, bytes);
        return server.send(server.request("/api/v1/licences/" + licenceId + "/documents").header("Content-Type", m.contentType())
                .POST(HttpRequest.BodyPublishers.ofByteArray(m.bytes())).build());
    }

    @Test
    void a_signed_release_form_is_kept_with_the_release_and_downloads_as_an_attachment() throws Exception {
        String release = client.licence("{\"kind\":\"release\",\"channels\":[\"web\",\"print\"],\"covers\":[\"Ana Lima, model\"],"
                + "\"exclusive\":true}");
        byte[] pdf = Files.readAllBytes(Media.corpus("documents/debian-refcard/refcard-en-a4.pdf"));
        JsonNode doc = addDocument(server, release, "release-ana.pdf", pdf);
        assertThat(doc.path("mediaType").asText()).isEqualTo("application/pdf");
        JsonNode l = server.json(server.get("/api/v1/licences/" + release));
        assertThat(l.path("covers").toString()).isEqualTo("[\"Ana Lima, model\"]");
        assertThat(l.path("exclusive").asBoolean()).isTrue();
        assertThat(l.path("documents").get(0).path("filename").asText()).isEqualTo("release-ana.pdf");
        HttpResponse<byte[]> file = server.sendBytes(server.request(doc.path("url").asText()).build());
        assertThat(file.statusCode()).isEqualTo(200);
        assertThat(file.body()).isEqualTo(pdf);
        assertThat(file.headers().firstValue("Content-Disposition").orElse("")).startsWith("attachment");
        assertThat(client.admin("GET", "/api/v1/audit", null).body()).contains("licence.document.add").contains("licence.document.read");
    }

    @Test
    void a_file_that_is_not_a_pdf_or_an_image_is_refused_whatever_its_name() throws Exception {
        String licence = client.licence("{\"channels\":[\"web\"]}");
        HttpResponse<String> r = upload(server, licence, "contract.pdf", "MZ this is not a pdf at all, just text".getBytes());
        assertThat(r.statusCode()).isEqualTo(415);
        assertThat(server.json(r).path("detail").asText()).contains("PDF or an image");
        assertThat(server.json(server.get("/api/v1/licences/" + licence)).path("documents")).isEmpty();
        assertThat(upload(server, "nope", "c.pdf", new byte[] {1}).statusCode()).isEqualTo(404);
    }

    @Test
    void a_licence_for_photos_does_not_cover_a_video_and_the_refusal_says_so() throws Exception {
        Path mp4 = io.vitrine.testing.TestMedia.video(data.resolve("clip.mp4"));
        String video = server.json(server.upload("?onDuplicate=allow", "clip.mp4", Files.readAllBytes(mp4), null)).path("id").asText();
        server.awaitSettled(video);
        client.attach(video, client.licence("{\"channels\":[\"web\"],\"media\":[\"image\"]}"));
        HttpResponse<String> r = client.admin("GET", "/api/v1/assets/" + video + "/original?channel=web&region=DE", null);
        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(server.json(r).path("detail").asText()).contains("cover image only, not video");
        String photo = client.asset(1201, null);
        client.attach(photo, client.licence("{\"channels\":[\"web\"],\"media\":[\"image\"]}"));
        assertThat(client.admin("GET", "/api/v1/assets/" + photo + "/original?channel=web&region=DE", null).statusCode()).isEqualTo(200);
    }

    @Test
    void unknown_media_or_a_non_boolean_exclusivity_are_refused() throws Exception {
        assertThat(client.admin("POST", "/api/v1/licences", "{\"channels\":[\"web\"],\"media\":[\"hologram\"]}").body())
                .contains("unknown medium 'hologram'");
        assertThat(client.admin("POST", "/api/v1/licences", "{\"channels\":[\"web\"],\"exclusive\":\"yes\"}").body())
                .contains("'exclusive' must be true or false");
    }
}
