package io.vitrine.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.vitrine.TestServer;
import io.vitrine.duplicate.bench.TransformSet;
import io.vitrine.enrich.ModelServer;
import io.vitrine.testing.TestMedia;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
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
 * Near-duplicates end to end on a real server with the real tagger: a photo, its resized copy and a
 * crop are found at ingest with verdicts and evidence; the review list respects regions; decisions
 * are audited and survive a library scan.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DuplicatesApiTest {
    static final String MODEL = "mobilenetv2-12-int8";

    @TempDir
    static Path data;
    static TestServer server;
    static GovernanceClient client;
    static String original;
    static String resized;
    static String crop;
    static String castle;

    @BeforeAll
    static void start() throws Exception {
        Path balloons = TestMedia.corpus("photos/imagingbook/Balloons600.jpg");
        Path castleFile = TestMedia.corpus("photos/imagingbook/Castle.png");
        assumeTrue(ModelServer.installShared(data, MODEL), "../shared model absent; skipping");
        List<TransformSet.Item> set = TransformSet.generate(List.of(balloons), data.resolve("set"));
        server = new TestServer(data, Map.of());
        client = new GovernanceClient(server);
        original = upload("balloons.jpg", file(set, "original"));
        castle = upload("castle.png", castleFile);
        // the original's image embedding is in the index once it is a neighbour of another asset
        await("/api/v1/assets/" + castle + "/similar", r -> r.path("hits").toString().contains(original));
        resized = upload("balloons-small.jpg", file(set, "resized"));
        crop = upload("balloons-crop.jpg", file(set, "crop"));
        await("/api/v1/assets/" + original + "/duplicates",
                r -> r.toString().contains(resized) && r.toString().contains(crop));
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    static Path file(List<TransformSet.Item> set, String kind) {
        return set.stream().map(TransformSet.Item::file).filter(f -> f.getFileName().toString().endsWith("-" + kind + ".jpg"))
                .findFirst().orElseThrow();
    }

    static String upload(String name, Path file) throws Exception {
        String id = server.json(server.upload("?onDuplicate=allow", name, Files.readAllBytes(file), null)).path("id").asText();
        server.awaitSettled(id);
        return id;
    }

    static JsonNode await(String path, Predicate<JsonNode> done) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        JsonNode r = null;
        while (System.nanoTime() < deadline) {
            HttpResponse<String> res = server.get(path);
            if (res.statusCode() == 200) {
                r = server.json(res);
                if (done.test(r)) {
                    return r;
                }
            }
            Thread.sleep(200);
        }
        throw new AssertionError("never true for " + path + ": " + r);
    }

    static JsonNode duplicateOf(JsonNode list, String id) {
        for (JsonNode d : list.path("duplicates")) {
            if (d.path("id").asText().equals(id)) {
                return d;
            }
        }
        throw new AssertionError(id + " not in " + list);
    }

    @Test
    @Order(1)
    void a_resized_copy_and_a_crop_are_found_at_ingest_with_verdicts_and_evidence() throws Exception {
        JsonNode list = server.json(server.get("/api/v1/assets/" + original + "/duplicates"));
        JsonNode small = duplicateOf(list, resized);
        assertThat(small.path("verdict").asText()).isEqualTo("resized");
        assertThat(small.path("status").asText()).isEqualTo("open");
        assertThat(small.path("evidence").path("phashDistance").asInt()).isLessThanOrEqualTo(8);
        assertThat(small.path("evidence").path("cosine").asDouble()).isGreaterThan(0.9);
        assertThat(duplicateOf(list, crop).path("verdict").asText()).isEqualTo("crop");
        assertThat(list.toString()).doesNotContain(castle);
    }

    @Test
    @Order(2)
    void similar_ranks_by_the_image_embedding_when_the_asset_has_one() throws Exception {
        // the copies' image vectors reach the index with their enrichment, which may trail the pairs by a refresh
        JsonNode r = null;
        for (int i = 0; i < 100; i++) {
            r = server.json(server.get("/api/v1/assets/" + original + "/similar?explain=true"));
            if (java.util.List.of(resized, crop).contains(r.path("hits").path(0).path("id").asText())) {
                break;
            }
            Thread.sleep(100);
        }
        assertThat(r.path("hits").get(0).path("id").asText()).isIn(resized, crop);
        assertThat(r.path("hits").get(0).path("explain").fieldNames().next()).startsWith("vector:image.mobilenetv2-12-int8@");
    }

    @Test
    @Order(3)
    void a_decision_records_who_decided_and_is_audited() throws Exception {
        String librarian = client.user("librarian", "DE");
        HttpResponse<String> bad = client.call(librarian, "PATCH", "/api/v1/duplicates/" + original + "/" + resized, "{\"status\":\"maybe\"}");
        assertThat(bad.statusCode()).isEqualTo(400);
        HttpResponse<String> r = client.call(librarian, "PATCH", "/api/v1/duplicates/" + resized + "/" + original, "{\"status\":\"confirmed\"}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(client.json(r).path("status").asText()).isEqualTo("confirmed");
        assertThat(client.json(r).path("decidedBy").asText()).isEqualTo("librarian DE");
        String audit = client.admin("GET", "/api/v1/audit?format=jsonl&limit=200", null).body();
        assertThat(audit).contains("duplicate.decide").contains("confirmed");
        HttpResponse<String> noPair = client.call(librarian, "PATCH", "/api/v1/duplicates/" + original + "/" + castle, "{\"status\":\"dismissed\"}");
        assertThat(noPair.statusCode()).isEqualTo(404);
    }

    @Test
    @Order(4)
    void a_library_scan_queues_every_asset_and_keeps_decisions() throws Exception {
        assertThat(client.call(client.user("librarian"), "POST", "/api/v1/duplicates/scan", null).statusCode()).isEqualTo(403);
        JsonNode r = client.json(client.admin("POST", "/api/v1/duplicates/scan", null));
        assertThat(r.path("queued").asInt()).isEqualTo(4);
        await("/api/v1/assets/" + crop + "/duplicates", d -> d.toString().contains(original));
        Thread.sleep(1500);
        JsonNode list = server.json(server.get("/api/v1/assets/" + original + "/duplicates"));
        assertThat(duplicateOf(list, resized).path("status").asText()).isEqualTo("confirmed");
        assertThat(server.get("/api/v1/duplicates?status=confirmed").body()).contains(resized);
    }

    @Test
    @Order(5)
    void the_review_list_never_shows_a_pair_with_an_asset_outside_the_callers_regions() throws Exception {
        client.restrict(crop, "FR");
        String de = client.user("consumer", "DE");
        JsonNode seen = client.json(client.call(de, "GET", "/api/v1/duplicates?status=any", null));
        assertThat(seen.path("pairs").toString()).contains(resized).doesNotContain(crop);
        assertThat(client.call(de, "GET", "/api/v1/assets/" + original + "/duplicates", null).body()).doesNotContain(crop);
        assertThat(client.call(de, "GET", "/api/v1/assets/" + crop + "/duplicates", null).statusCode()).isEqualTo(404);
        JsonNode all = client.json(client.admin("GET", "/api/v1/duplicates?status=any&verdict=crop", null));
        assertThat(all.path("pairs").toString()).contains(crop);
        assertThat(client.call(de, "GET", "/api/v1/duplicates?verdict=twin", null).statusCode()).isEqualTo(400);
    }
}
