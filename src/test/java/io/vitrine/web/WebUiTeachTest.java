package io.vitrine.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.vitrine.TestServer;
import io.vitrine.api.GovernanceClient;
import io.vitrine.enrich.ModelServer;
import io.vitrine.testing.TestMedia;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Teaching a concept from the library's selection, on a real server with the real MobileNet: the
 * teach page lists the selection, the service's refusals come back beside the form, and the concept
 * page follows the background run until it says how many assets got the draft tag.
 */
class WebUiTeachTest {
    @TempDir
    static Path data;
    static TestServer server;
    static GovernanceClient gov;
    static WebUiGovernanceTest.Browser librarian;
    static String csrf;
    static String cat;
    static String catCrop;
    static String coffee;
    static String castle;

    @BeforeAll
    static void start() throws Exception {
        Path chelsea = TestMedia.corpus("photos/python3-skimage/chelsea.png");
        assumeTrue(ModelServer.installShared(data, "mobilenetv2-12-int8"), "../shared model absent; skipping");
        server = new TestServer(data, Map.of());
        gov = new GovernanceClient(server);
        BufferedImage full = ImageIO.read(chelsea.toFile());
        cat = upload("chelsea.png", Files.readAllBytes(chelsea));
        catCrop = upload("chelsea-crop.png", png(full.getSubimage(full.getWidth() / 10, full.getHeight() / 10,
                full.getWidth() * 8 / 10, full.getHeight() * 8 / 10)));
        coffee = upload("coffee.png", Files.readAllBytes(TestMedia.corpus("photos/python3-skimage/coffee.png")));
        castle = upload("castle.png", Files.readAllBytes(TestMedia.corpus("photos/imagingbook/Castle.png")));
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (!server.get("/api/v1/assets/" + cat + "/similar").body().contains(castle) && System.nanoTime() < deadline) {
            Thread.sleep(100); // every image vector is in the index
        }
        librarian = WebUiGovernanceTest.signIn(server, gov.user("librarian", "DE"));
        csrf = WebUiGovernanceTest.csrf(librarian.get("/concepts").body());
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    static String upload(String name, byte[] bytes) throws Exception {
        String id = server.json(server.upload("?onDuplicate=allow", name, bytes, null)).path("id").asText();
        server.awaitSettled(id);
        return id;
    }

    static byte[] png(BufferedImage img) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(img, "png", out);
        return out.toByteArray();
    }

    private static HttpResponse<String> teach(List<String> fields) throws Exception {
        return teach("/teach", fields);
    }

    private static HttpResponse<String> teach(String path, List<String> fields) throws Exception {
        StringBuilder form = new StringBuilder("_csrf=" + csrf);
        for (int i = 0; i < fields.size(); i += 2) {
            form.append('&').append(fields.get(i)).append('=').append(URLEncoder.encode(fields.get(i + 1), StandardCharsets.UTF_8));
        }
        return librarian.post(path, form.toString());
    }

    @Test
    void the_selection_is_taught_as_a_new_concept_and_the_concept_page_follows_the_run_to_its_count() throws Exception {
        String page = librarian.get("/teach?asset=" + cat + "&asset=" + catCrop + "&asset=" + coffee).body();
        assertThat(page).contains("Your selection (3)").contains("chelsea-crop.png").contains("name=\"role-" + coffee + "\"");

        HttpResponse<String> r = teach(List.of("new-label", "Office cat", "asset", cat, "asset", catCrop, "asset", coffee,
                "role-" + cat, "positive", "role-" + catCrop, "positive", "role-" + coffee, "negative"));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(303);
        assertThat(r.headers().firstValue("Location")).hasValue("/concepts/office-cat?taught=1#teaching");
        assertThat(librarian.get("/concepts/office-cat?taught=1").body()).contains("Teaching started");

        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        String section = librarian.get("/concepts/office-cat/teaching").body();
        while (!section.contains("data-status=\"done\"") && System.nanoTime() < deadline) {
            assertThat(section).as("a pending run asks again when the stream says so, polling only while the stream is closed")
                    .contains("hx-trigger=\"vitrine:taught from:body\"")
                    .contains("data-concept=\"office-cat\"").contains("data-pending");
            Thread.sleep(200);
            section = librarian.get("/concepts/office-cat/teaching").body();
        }
        assertThat(section).contains("data-status=\"done\"").doesNotContain("hx-trigger").contains("from 2 examples")
                .contains("and 1 counter-example").contains("href=\"/?q=Office+cat\"");
        var api = server.json(gov.admin("GET", "/api/v1/concepts/office-cat", null)).path("fewShot");
        assertThat(section).contains(api.path("tagged").asInt() + " assets now carry");
        assertThat(api.path("tagged").asInt()).isGreaterThanOrEqualTo(2);
        assertThat(api.path("examples").path("negative").toString()).contains(coffee);
        assertThat(gov.admin("GET", "/api/v1/audit", null).body()).contains("concept.teach").contains("prototype@1");

        // the page's stream (GET /events, resumed from the start) carries the run's end, which wakes the section
        HttpResponse<java.util.stream.Stream<String>> stream = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(server.uri("/events?timeout=2")).header("Cookie", librarian.cookie())
                        .header("Last-Event-ID", "0").build(), HttpResponse.BodyHandlers.ofLines());
        assertThat(stream.statusCode()).isEqualTo(200);
        assertThat(stream.body().toList()).contains("data: {\"type\":\"concept.taught\",\"subject\":\"office-cat\"}");
    }

    @Test
    void refusals_come_back_beside_the_teaching_form_with_the_selection_kept() throws Exception {
        Path wav = TestMedia.ffmpeg(data.resolve("tone.wav"), "-f", "lavfi", "-i", "sine=frequency=440:duration=1");
        String sound = upload("tone.wav", Files.readAllBytes(wav));
        HttpResponse<String> noVector = teach(List.of("concept", "cat", "asset", cat, "asset", sound));
        assertThat(noVector.statusCode()).isEqualTo(409);
        assertThat(noVector.body()).contains("data-problem=\"no-embedding\"").contains(sound).contains("Your selection (2)");

        String french = gov.asset(880, "{\"title\":\"Paris only\"}");
        gov.restrict(french, "FR");
        assertThat(librarian.get("/teach?asset=" + cat + "&asset=" + french).body()).contains("1 selected asset is no longer available")
                .doesNotContain(french);
        HttpResponse<String> hidden = teach(List.of("concept", "cat", "asset", cat, "asset", french));
        assertThat(hidden.statusCode()).isEqualTo(400);
        assertThat(hidden.body()).contains("data-problem=\"unknown-assets\"").doesNotContain("Paris only");

        HttpResponse<String> none = teach(List.of("asset", cat));
        assertThat(none.body()).contains("choose a concept, or name a new one");
        List<String> many = new ArrayList<>();
        for (int i = 0; i < 51; i++) {
            many.add("asset");
            many.add(gov.asset(900 + i, null));
        }
        many.addAll(List.of("concept", "cat"));
        HttpResponse<String> tooMany = teach(many);
        assertThat(tooMany.statusCode()).isEqualTo(400);
        assertThat(tooMany.body()).contains("1 to 50 example assets");
        assertThat(teach(List.of("new-label", "Cat", "asset", cat)).body()).contains("data-problem=\"id-taken\"");
        HttpResponse<String> collision = teach("/teach?lang=de", List.of("new-label", "Katze", "asset", cat));
        assertThat(collision.statusCode()).isEqualTo(409);
        assertThat(collision.body()).contains("data-problem=\"label-collision\"").contains("href=\"/concepts/cat\"");
    }
}
