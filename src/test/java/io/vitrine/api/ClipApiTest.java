package io.vitrine.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.vitrine.TestServer;
import io.vitrine.Models;
import io.vitrine.config.ConfigLoader;
import io.vitrine.enrich.onnx.TinyClip;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.function.Predicate;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * CLIP end to end through the real server: a generated tiny CLIP installed the way a user installs one
 * ({@code vitrine models install DIR}), then images get a CLIP vector and zero-shot tags, text finds
 * images through the CLIP space, and similar / by-image searches rank in it.
 */
class ClipApiTest {
    static final String SPACE = "clip:tiny-clip@1";

    @TempDir
    static Path data;
    @TempDir
    static Path exports;
    static TestServer server;
    static String red;
    static String green;
    static String redToo;
    static final Path BALLOONS = Path.of("../shared/corpus/photos/imagingbook/Balloons600.jpg");
    static boolean withClassifier;

    @BeforeAll
    static void start() throws Exception {
        assumeTrue(TinyClip.available(), "../shared/models/bpe_simple_vocab_16e6.txt.gz absent; skipping");
        // the classifier too when ../shared has it: CLIP must work beside it, and win for likeness
        withClassifier = java.nio.file.Files.isRegularFile(BALLOONS) && io.vitrine.enrich.ModelServer.installShared(data, "mobilenetv2-12-int8");
        Models.installClip(ConfigLoader.load(Map.of("VITRINE_DATA", data.toString())), TinyClip.write(exports.resolve("tiny-clip")),
                "tiny-clip", "1", "MIT");
        server = new TestServer(data, Map.of());
        red = upload("red.jpg", new Color(230, 20, 30));
        green = upload("green.jpg", new Color(20, 220, 40));
        redToo = upload("red2.jpg", new Color(210, 40, 20));
        for (String id : new String[] {red, green, redToo}) {
            await("/api/v1/assets/" + id, a -> a.path("tags").findValuesAsText("model").contains("tiny-clip"));
        }
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    static byte[] jpeg(Color c) throws Exception {
        BufferedImage img = new BufferedImage(320, 240, BufferedImage.TYPE_INT_RGB);
        var g = img.createGraphics();
        g.setColor(c);
        g.fillRect(0, 0, 320, 240);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(img, "jpg", out);
        return out.toByteArray();
    }

    static String upload(String name, Color c) throws Exception {
        HttpResponse<String> r = server.upload("?onDuplicate=allow", name, jpeg(c), null);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return server.json(r).path("id").asText();
    }

    static JsonNode await(String path, Predicate<JsonNode> done) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        JsonNode r = null;
        while (System.nanoTime() < deadline) {
            r = server.json(server.get(path));
            if (done.test(r)) {
                return r;
            }
            Thread.sleep(150);
        }
        throw new AssertionError("condition not reached on " + path + ": " + r);
    }

    @Test
    void capabilities_report_clip_on_with_its_space() throws Exception {
        JsonNode caps = server.json(server.get("/api/v1/capabilities")).path("capabilities");
        JsonNode clip = null;
        for (JsonNode c : caps) {
            if (c.path("name").asText().equals("clip")) {
                clip = c;
            }
        }
        assertThat(clip).isNotNull();
        assertThat(clip.path("enabled").asBoolean()).isTrue();
        assertThat(clip.path("model").asText()).isEqualTo(SPACE);
    }

    @Test
    void an_uploaded_image_gets_a_zero_shot_draft_tag_from_the_clip_model() throws Exception {
        JsonNode a = server.json(server.get("/api/v1/assets/" + red));
        JsonNode tag = null;
        for (JsonNode t : a.path("tags")) {
            if (t.path("model").asText().equals("tiny-clip")) {
                tag = t;
                break;
            }
        }
        assertThat(tag).isNotNull();
        assertThat(tag.path("concept").asText()).isEqualTo("balloon");
        assertThat(tag.path("source").asText()).isEqualTo("ai");
        assertThat(tag.path("status").asText()).isEqualTo("draft");
        assertThat(tag.path("modelVersion").asText()).isEqualTo("1");
        assertThat(tag.path("confidence").asDouble()).isGreaterThan(0.9);
        JsonNode g = server.json(server.get("/api/v1/assets/" + green));
        assertThat(g.path("tags").findValuesAsText("concept")).contains("castle").doesNotContain("balloon");
    }

    @Test
    void a_text_query_finds_the_image_through_the_clip_space_and_explain_shows_it() throws Exception {
        // "scarlet" is no tag, label, title or keyword: only the CLIP text tower links it to red
        JsonNode r = await("/api/v1/search?q=scarlet&explain=true", s -> s.path("hits").size() >= 2);
        assertThat(r.path("hits").findValuesAsText("id")).contains(red, redToo).doesNotContain(green);
        assertThat(r.path("hits").get(0).path("explain").has("vector:" + SPACE)).as(r.toString()).isTrue();
    }

    @Test
    void similar_assets_rank_in_the_clip_image_space() throws Exception {
        // the neighbours' CLIP vectors reach the index with their IndexEnrichment step, just after the tags
        JsonNode first = await("/api/v1/assets/" + red + "/similar?explain=true",
                s -> s.path("hits").size() > 0 && s.path("hits").get(0).path("id").asText().equals(redToo)).path("hits").get(0);
        assertThat(first.path("id").asText()).isEqualTo(redToo);
        assertThat(first.path("explain").has("vector:" + SPACE)).as(first.toString()).isTrue();
    }

    @Test
    void beside_the_classifier_an_asset_keeps_its_classifier_tags_and_similarity_uses_the_clip_space() throws Exception {
        assumeTrue(withClassifier, "../shared MobileNet or photos absent; skipping");
        HttpResponse<String> up = server.upload("?onDuplicate=allow", "balloons.jpg", java.nio.file.Files.readAllBytes(BALLOONS), null);
        String id = server.json(up).path("id").asText();
        JsonNode a = await("/api/v1/assets/" + id, x -> x.path("tags").findValuesAsText("model").contains("mobilenetv2-12-int8")
                && x.path("quality").has("score"));
        assertThat(a.path("tags").findValuesAsText("concept")).contains("balloon");
        // it has the classifier's image vector from the tag step at once; the CLIP vector comes with the Embed step
        JsonNode hits = await("/api/v1/assets/" + id + "/similar?explain=true",
                s -> s.path("hits").size() > 0 && s.path("hits").get(0).path("explain").has("vector:" + SPACE)).path("hits");
        assertThat(hits.get(0).path("explain").fieldNames()).toIterable().containsExactly("vector:" + SPACE);
    }

    @Test
    void search_by_image_uses_the_clip_image_space_and_refuses_junk() throws Exception {
        TestServer.Multipart body = new TestServer.Multipart().file("file", "example.jpg", jpeg(new Color(20, 200, 60)));
        JsonNode first = null;
        for (int i = 0; i < 600 && (first == null || !first.path("id").asText().equals(green)); i++) {
            HttpResponse<String> r = server.send(server.request("/api/v1/search/by-image?explain=true")
                    .header("Content-Type", body.contentType()).POST(HttpRequest.BodyPublishers.ofByteArray(body.bytes())).build());
            assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
            first = server.json(r).path("hits").path(0);
            Thread.sleep(first.path("id").asText().equals(green) ? 0 : 150);
        }
        assertThat(first.path("id").asText()).isEqualTo(green);
        assertThat(first.path("explain").has("vector:" + SPACE)).isTrue();

        TestServer.Multipart junk = new TestServer.Multipart().file("file", "junk.jpg", "not an image".getBytes());
        assertThat(server.send(server.request("/api/v1/search/by-image").header("Content-Type", junk.contentType())
                .POST(HttpRequest.BodyPublishers.ofByteArray(junk.bytes())).build()).statusCode()).isEqualTo(400);
    }
}
