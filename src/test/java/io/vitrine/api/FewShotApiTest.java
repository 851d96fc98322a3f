package io.vitrine.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.vitrine.TestServer;
import io.vitrine.duplicate.bench.TransformSet;
import io.vitrine.enrich.ModelServer;
import io.vitrine.testing.TestMedia;
import io.vitrine.webhooks.WebhookReceiver;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Teaching a concept from example photos on a real server with the real MobileNet: two pictures of
 * one cat teach "office cat"; the held-out variants of that photo get draft tags, unrelated corpus
 * photos do not, a later upload is scored at ingest, and re-teaching replaces drafts but not decisions.
 * The server reads candidates two at a time, so every library run here spans several pages.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FewShotApiTest {
    static final String MODEL = "mobilenetv2-12-int8";
    static final int PAGE = 2;
    static final List<String> UNRELATED = List.of("python3-skimage/coffee.png", "python3-skimage/astronaut.png",
            "imagingbook/Castle.png", "imagingbook/Balloons600.jpg", "palapeli-data/citrus-fruits.jpg");

    @TempDir
    static Path data;
    static TestServer server;
    static GovernanceClient client;
    static List<TransformSet.Item> set;
    static final Map<String, String> cat = new LinkedHashMap<>();
    static final List<String> unrelated = new ArrayList<>();
    static WebhookReceiver receiver;
    static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();

    @BeforeAll
    static void start() throws Exception {
        Path chelsea = TestMedia.corpus("photos/python3-skimage/chelsea.png");
        assumeTrue(ModelServer.installShared(data, MODEL), "../shared model absent; skipping");
        set = TransformSet.generate(List.of(chelsea), data.resolve("set"));
        // two candidates per page: the library run must walk several pages to tag every held-out variant
        server = new TestServer(data, Map.of("VITRINE_FEWSHOT_PAGE", String.valueOf(PAGE), "VITRINE_WEBHOOK_ALLOW", "127.0.0.1"));
        client = new GovernanceClient(server);
        receiver = new WebhookReceiver();
        HttpResponse<String> hook = client.admin("POST", "/api/v1/webhooks", "{\"url\":\"" + receiver.url("/concepts")
                + "\",\"events\":[\"concept.*\"]}");
        assertThat(hook.statusCode()).as(hook.body()).isEqualTo(201);
        for (String kind : List.of("original", "crop", "colour", "burst", "detail", "straightened")) {
            cat.put(kind, upload("cat-" + kind + ".jpg", DuplicatesApiTest.file(set, kind)));
        }
        for (String p : UNRELATED) {
            unrelated.add(upload(Path.of(p).getFileName().toString(), TestMedia.corpus("photos/" + p)));
        }
        // every image vector is in the index once the original finds the last upload as a neighbour
        await("/api/v1/assets/" + cat.get("original") + "/similar", r -> r.path("hits").toString().contains(unrelated.getLast()));
        HttpResponse<String> c = client.admin("POST", "/api/v1/concepts",
                "{\"broader\":\"cat\",\"labels\":{\"en\":\"office cat\",\"de\":\"Bürokatze\"}}");
        assertThat(c.statusCode()).as(c.body()).isEqualTo(201);
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
        if (receiver != null) {
            receiver.close();
        }
    }

    @Test
    @Order(1)
    void a_concept_taught_from_two_photos_tags_the_held_out_variants_and_not_unrelated_photos() throws Exception {
        HttpResponse<String> r = teach("{\"assetIds\":[\"" + cat.get("original") + "\",\"" + cat.get("crop") + "\"]}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
        assertThat(server.json(r).path("fewShot").path("prototype").asText()).isEqualTo("prototype@1");
        JsonNode done = await("/api/v1/concepts/office-cat", n -> n.path("fewShot").path("status").asText().equals("done"));
        System.out.println("few-shot office-cat@1: " + done.path("fewShot"));
        for (String kind : List.of("colour", "burst", "straightened")) {
            JsonNode tag = tag(cat.get(kind));
            assertThat(tag).as(kind).isNotNull();
            assertThat(tag.path("source").asText()).isEqualTo("ai");
            assertThat(tag.path("model").asText()).isEqualTo("few-shot");
            assertThat(tag.path("modelVersion").asText()).isEqualTo("1");
            assertThat(tag.path("status").asText()).isEqualTo("draft");
            assertThat(tag.path("confidence").asDouble()).isBetween(0.5, 1.0);
        }
        for (String id : unrelated) {
            assertThat(tag(id)).as("unrelated " + id).isNull();
        }
        // the examples themselves and the three held-out variants (a close-up of a third of the picture, "detail", is too far)
        assertThat(done.path("fewShot").path("tagged").asInt()).isBetween(5, 6).isGreaterThan(2 * PAGE);
        assertThat(done.path("fewShot").path("examples").path("positive")).hasSize(2);
        // drafts above the threshold are searchable under the concept's labels, and its broader concept's
        await("/api/v1/search?q=B%C3%BCrokatze", n -> n.path("hits").toString().contains(cat.get("colour")));
        assertThat(client.admin("GET", "/api/v1/audit", null).body()).contains("concept.teach").contains("prototype@1");
    }

    @Test
    @Order(2)
    void the_finished_run_is_announced_as_concept_taught_and_each_asset_it_tagged_as_asset_tagged() throws Exception {
        JsonNode concept = server.json(server.get("/api/v1/concepts/office-cat")).path("fewShot");
        // resumed from the start of the log
        List<JsonNode> admin = events(TestServer.TOKEN);
        JsonNode taught = admin.stream().filter(e -> e.path("type").asText().equals("io.vitrine.concept.taught")).findFirst()
                .orElseThrow(() -> new AssertionError("no concept.taught in " + admin));
        assertThat(taught.path("subject").asText()).isEqualTo("office-cat");
        assertThat(taught.path("data").path("status").asText()).isEqualTo("done");
        assertThat(taught.path("data").path("version").asInt()).isEqualTo(1);
        assertThat(taught.path("data").path("tagged").asInt()).isEqualTo(concept.path("tagged").asInt());
        assertThat(taught.path("data").path("proposed").asInt()).isEqualTo(concept.path("tagged").asInt());
        List<String> tagged = admin.stream().filter(e -> e.path("type").asText().equals("io.vitrine.asset.tagged")
                && e.path("data").path("model").asText().equals("few-shot")).map(e -> e.path("subject").asText()).toList();
        assertThat(tagged).contains(cat.get("colour"), cat.get("burst"), cat.get("straightened")).doesNotContainAnyElementsOf(unrelated);
        // the vocabulary is the same in every region: whoever may read concepts hears of the run
        assertThat(events(client.user("consumer", "DE")).stream().map(e -> e.path("type").asText()))
                .contains("io.vitrine.concept.taught");

        // and webhooks subscribed to concept.* get it as a CloudEvent about the concept
        WebhookReceiver.Received r = receiver.await(x -> x.body().contains("io.vitrine.concept.taught"), Duration.ofSeconds(30));
        JsonNode ce = JSON.readTree(r.body());
        assertThat(ce.path("subject").asText()).isEqualTo("office-cat");
        assertThat(ce.path("data").path("status").asText()).isEqualTo("done");
    }

    /** The events {@code token} may see, from the start of the log, as CloudEvents. */
    private static List<JsonNode> events(String token) throws Exception {
        var r = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(server.uri(
                "/api/v1/events?timeout=2&types=concept.taught,asset.tagged")).header("Authorization", "Bearer " + token)
                .header("Last-Event-ID", "0").build(), HttpResponse.BodyHandlers.ofLines());
        assertThat(r.statusCode()).isEqualTo(200);
        List<JsonNode> out = new ArrayList<>();
        for (String line : r.body().toList()) {
            if (line.startsWith("data: ")) {
                out.add(JSON.readTree(line.substring(6)));
            }
        }
        return out;
    }

    @Test
    @Order(3)
    void a_photo_uploaded_after_teaching_is_scored_in_its_tagging_step() throws Exception {
        String later = upload("cat-reencode.jpg", DuplicatesApiTest.file(set, "reencode"));
        JsonNode tag = await("/api/v1/assets/" + later, a -> a.path("tags").toString().contains("office-cat"));
        assertThat(tag.path("tags").toString()).contains("\"model\":\"few-shot\"");
        String unrelatedLater = upload("bee.jpg", TestMedia.corpus("photos/palapeli-data/european-honey-bee.jpg"));
        assertThat(tag(unrelatedLater)).isNull();
    }

    @Test
    @Order(4)
    void re_teaching_with_a_negative_replaces_old_drafts_but_keeps_decided_tags() throws Exception {
        HttpResponse<String> accepted = client.admin("PATCH", "/api/v1/assets/" + cat.get("colour") + "/tags/office-cat",
                "{\"status\":\"accepted\"}");
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(200);
        HttpResponse<String> r = teach("{\"assetIds\":[\"" + cat.get("original") + "\",\"" + cat.get("crop") + "\",\""
                + cat.get("detail") + "\"],\"negativeAssetIds\":[\"" + cat.get("straightened") + "\"]}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
        JsonNode done = await("/api/v1/concepts/office-cat", n -> n.path("fewShot").path("version").asInt() == 2
                && n.path("fewShot").path("status").asText().equals("done"));
        System.out.println("few-shot office-cat@2: " + done.path("fewShot"));
        assertThat(done.path("fewShot").path("examples").path("negative").toString()).contains(cat.get("straightened"));
        assertThat(tag(cat.get("straightened"))).as("the negative example").isNull();
        JsonNode kept = tag(cat.get("colour"));
        assertThat(kept.path("status").asText()).isEqualTo("accepted");
        assertThat(kept.path("modelVersion").asText()).isEqualTo("1");
        assertThat(tag(cat.get("burst")).path("modelVersion").asText()).isEqualTo("2");
    }

    @Test
    @Order(5)
    void bad_examples_get_precise_problems() throws Exception {
        String outside = client.asset(1801, null);
        client.restrict(outside, "FR");
        String librarian = client.user("librarian", "JP");
        HttpResponse<String> hidden = client.call(librarian, "POST", "/api/v1/concepts/office-cat/examples",
                "{\"assetIds\":[\"" + outside + "\",\"nope\"]}");
        assertThat(hidden.statusCode()).isEqualTo(400);
        assertThat(server.json(hidden).path("type").asText()).isEqualTo("/problems/unknown-assets");
        assertThat(server.json(hidden).path("detail").asText()).contains(outside).contains("nope");

        Path wav = TestMedia.ffmpeg(data.resolve("tone.wav"), "-f", "lavfi", "-i", "sine=frequency=440:duration=1");
        String sound = upload("tone.wav", wav);
        HttpResponse<String> noVector = teach("{\"assetIds\":[\"" + cat.get("original") + "\",\"" + sound + "\"]}");
        assertThat(noVector.statusCode()).as(noVector.body()).isEqualTo(409);
        assertThat(server.json(noVector).path("type").asText()).isEqualTo("/problems/no-embedding");
        assertThat(server.json(noVector).path("detail").asText()).contains(sound).doesNotContain(cat.get("original"));

        StringBuilder many = new StringBuilder("{\"assetIds\":[");
        for (int i = 0; i < 51; i++) {
            many.append(i == 0 ? "" : ",").append("\"a").append(i).append("\"");
        }
        assertThat(server.json(teach(many + "]}")).path("detail").asText()).contains("1 to 50");
        String id = cat.get("original");
        assertThat(server.json(teach("{\"assetIds\":[\"" + id + "\"],\"negativeAssetIds\":[\"" + id + "\"]}")).path("detail")
                .asText()).contains("both positive and negative").contains(id);
        assertThat(teach("{\"assetIds\":[]}").statusCode()).isEqualTo(400);
        assertThat(teach("{\"assetIds\":\"x\"}").statusCode()).isEqualTo(400);
        assertThat(client.admin("POST", "/api/v1/concepts/no-such/examples", "{\"assetIds\":[\"" + id + "\"]}").statusCode())
                .isEqualTo(404);
        HttpResponse<String> consumer = client.call(client.user("consumer", "DE"), "POST", "/api/v1/concepts/office-cat/examples",
                "{\"assetIds\":[\"" + id + "\"]}");
        assertThat(consumer.statusCode()).isEqualTo(403);
    }

    @Test
    @Order(6)
    void people_teaching_a_new_concept_at_the_same_moment_all_get_202_and_never_a_500() throws Exception {
        int teachers = 6;
        String body = "{\"assetIds\":[\"" + cat.get("original") + "\",\"" + cat.get("crop") + "\"]}";
        var pool = java.util.concurrent.Executors.newFixedThreadPool(teachers);
        try {
            for (int round = 0; round < 4; round++) {
                String concept = "shop-cat-" + round;
                HttpResponse<String> c = client.admin("POST", "/api/v1/concepts", "{\"id\":\"" + concept + "\",\"labels\":{\"en\":\""
                        + concept.replace('-', ' ') + "\"}}");
                assertThat(c.statusCode()).as(c.body()).isEqualTo(201);
                var start = new java.util.concurrent.CyclicBarrier(teachers);
                List<java.util.concurrent.Future<HttpResponse<String>>> answers = new ArrayList<>();
                for (int i = 0; i < teachers; i++) {
                    answers.add(pool.submit(() -> {
                        start.await();
                        return client.admin("POST", "/api/v1/concepts/" + concept + "/examples", body);
                    }));
                }
                List<Integer> versions = new ArrayList<>();
                for (var f : answers) {
                    HttpResponse<String> r = f.get();
                    assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
                    versions.add(server.json(r).path("fewShot").path("version").asInt());
                }
                assertThat(versions).containsExactlyInAnyOrder(1, 2, 3, 4, 5, 6);
                assertThat(server.json(server.get("/api/v1/concepts/" + concept)).path("fewShot").path("version").asInt()).isEqualTo(teachers);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static HttpResponse<String> teach(String body) throws Exception {
        return client.admin("POST", "/api/v1/concepts/office-cat/examples", body);
    }

    /** The asset's office-cat tag, or null. */
    private static JsonNode tag(String assetId) throws Exception {
        for (JsonNode t : server.json(server.get("/api/v1/assets/" + assetId)).path("tags")) {
            if (t.path("concept").asText().equals("office-cat")) {
                return t;
            }
        }
        return null;
    }

    static String upload(String name, Path file) throws Exception {
        String id = server.json(server.upload("?onDuplicate=allow", name, Files.readAllBytes(file), null)).path("id").asText();
        server.awaitSettled(id);
        return id;
    }

    static JsonNode await(String path, Predicate<JsonNode> done) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        JsonNode last = null;
        while (System.nanoTime() < deadline) {
            last = server.json(server.get(path));
            if (done.test(last)) {
                return last;
            }
            Thread.sleep(100);
        }
        throw new AssertionError(path + " never got there: " + last);
    }
}
