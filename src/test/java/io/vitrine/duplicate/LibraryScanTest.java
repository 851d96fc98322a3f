package io.vitrine.duplicate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.vitrine.TestServer;
import io.vitrine.db.Database;
import io.vitrine.db.TestDatabases;
import io.vitrine.duplicate.bench.TransformSet;
import io.vitrine.testing.TestMedia;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A library that existed before near-duplicate detection (no fingerprints, no pairs) gets its pairs
 * from the scan, which runs as durable jobs through the workers.
 */
class LibraryScanTest {
    @TempDir
    Path data;

    @Test
    void the_scan_finds_pairs_among_assets_ingested_before_the_feature() throws Exception {
        List<TransformSet.Item> set = TransformSet.generate(List.of(TestMedia.corpus("photos/imagingbook/Boats.png")), data.resolve("set"));
        String original;
        String resized;
        try (TestServer server = new TestServer(data.resolve("vitrine"), Map.of())) {
            original = upload(server, file(set, "original"));
            resized = upload(server, file(set, "resized"));
            await(server, original, resized);
        }
        try (Database db = TestDatabases.h2At(data.resolve("vitrine"), 1)) { // as before V10 was used
            db.handles().with(h -> h.execute("delete from duplicate_pairs") + h.execute("delete from asset_fingerprints"));
        }
        try (TestServer server = new TestServer(data.resolve("vitrine"), Map.of())) {
            assertThat(server.json(server.get("/api/v1/assets/" + original + "/duplicates")).path("duplicates")).isEmpty();
            var scan = server.send(server.request("/api/v1/duplicates/scan").POST(HttpRequest.BodyPublishers.noBody()).build());
            assertThat(server.json(scan).path("queued").asInt()).isEqualTo(2);
            JsonNode pair = await(server, original, resized);
            assertThat(pair.path("verdict").asText()).isEqualTo("resized");
            assertThat(pair.path("evidence").path("phashDistance").asInt()).isLessThanOrEqualTo(3);
        }
    }

    static Path file(List<TransformSet.Item> set, String kind) {
        return set.stream().map(TransformSet.Item::file).filter(f -> f.getFileName().toString().endsWith("-" + kind + ".jpg"))
                .findFirst().orElseThrow();
    }

    static String upload(TestServer server, Path file) throws Exception {
        String id = server.json(server.upload("?onDuplicate=allow", file.getFileName().toString(), Files.readAllBytes(file), null))
                .path("id").asText();
        server.awaitSettled(id);
        return id;
    }

    static JsonNode await(TestServer server, String id, String other) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        JsonNode list = null;
        while (System.nanoTime() < deadline) {
            list = server.json(server.get("/api/v1/assets/" + id + "/duplicates"));
            for (JsonNode d : list.path("duplicates")) {
                if (d.path("id").asText().equals(other)) {
                    return d;
                }
            }
            Thread.sleep(200);
        }
        throw new AssertionError(other + " never listed as a duplicate of " + id + ": " + list);
    }
}
