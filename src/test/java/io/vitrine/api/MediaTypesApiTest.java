package io.vitrine.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.vitrine.TestServer;
import io.vitrine.testing.TestMedia;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Video, audio, PDF and Office files through the whole pipeline: their metadata, renditions and searchable text. */
class MediaTypesApiTest {
    @TempDir
    static Path data;

    @TempDir
    static Path work;

    static TestServer server;

    @BeforeAll
    static void start() {
        server = new TestServer(data, Map.of());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static JsonNode ingest(String name, byte[] bytes) throws Exception {
        return AssetApiTestSupport.settled(server, server.upload("?onDuplicate=allow", name, bytes, null));
    }

    @Test
    void a_video_gets_duration_codecs_a_poster_and_a_proxy() throws Exception {
        Path mp4 = TestMedia.ffmpeg(work.resolve("clip.mp4"), "-f", "lavfi", "-i", "testsrc=size=320x240:rate=25:duration=2",
                "-f", "lavfi", "-i", "sine=frequency=440:duration=2", "-c:v", "libx264", "-pix_fmt", "yuv420p", "-c:a", "aac", "-shortest");
        JsonNode a = ingest("clip.mov", Files.readAllBytes(mp4));
        assertThat(a.path("status").asText()).as(a.toString()).isEqualTo("ready");
        assertThat(a.path("mediaType").asText()).isEqualTo("video/mp4");
        assertThat(a.path("width").asInt()).isEqualTo(320);
        assertThat(a.path("metadata").path("technical").path("durationSeconds").asDouble()).isBetween(1.5, 2.5);
        assertThat(a.path("metadata").path("technical").path("videoCodec").asText()).isEqualTo("h264");
        assertThat(a.path("renditions").findValuesAsText("name")).contains("thumb", "preview", "proxy");
        assertThat(server.sendBytes(server.request("/api/v1/assets/" + a.path("id").asText() + "/renditions/proxy").build())
                .headers().firstValue("Content-Type").orElse("")).startsWith("video/mp4");
    }

    @Test
    void audio_gets_a_waveform() throws Exception {
        JsonNode a = ingest("jfk.wav", Files.readAllBytes(Media.corpus("audio/whisper-jfk/jfk.wav")));
        assertThat(a.path("status").asText()).isEqualTo("ready");
        assertThat(a.path("mediaType").asText()).isEqualTo("audio/wav");
        assertThat(a.path("metadata").path("technical").path("durationSeconds").asDouble()).isGreaterThan(5);
        assertThat(a.path("renditions").findValuesAsText("name")).contains("waveform", "thumb");
    }

    @Test
    void a_pdf_gets_pages_title_text_and_a_first_page_preview() throws Exception {
        JsonNode a = ingest("refcard.pdf", Files.readAllBytes(Media.corpus("documents/debian-refcard/refcard-en-a4.pdf")));
        assertThat(a.path("status").asText()).isEqualTo("ready");
        assertThat(a.path("mediaType").asText()).isEqualTo("application/pdf");
        assertThat(a.path("metadata").path("technical").path("pageCount").asInt()).isGreaterThan(0);
        assertThat(a.path("renditions").findValuesAsText("name")).contains("thumb", "preview");
        JsonNode hits = awaitSearch("q=apt-get", a.path("id").asText());
        assertThat(hits.path("hits").findValuesAsText("id")).contains(a.path("id").asText());
    }

    @Test
    void an_office_document_is_stored_with_its_text_searchable() throws Exception {
        JsonNode a = ingest("report.docx", Files.readAllBytes(Media.corpus("documents/tika-msoffice/testWORD.docx")));
        assertThat(a.path("status").asText()).isEqualTo("ready");
        assertThat(a.path("mediaType").asText()).contains("wordprocessingml");
        assertThat(a.path("renditions").size()).isZero();
    }

    static JsonNode awaitSearch(String query, String id) throws Exception {
        for (int i = 0; i < 50; i++) {
            JsonNode r = server.json(server.get("/api/v1/search?" + query));
            if (r.path("hits").findValuesAsText("id").contains(id)) {
                return r;
            }
            Thread.sleep(100);
        }
        return server.json(server.get("/api/v1/search?" + query));
    }
}
