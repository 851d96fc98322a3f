package io.vitrine.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.vitrine.TestServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** After the retention period a deleted asset's files go, unless another asset still uses them. */
class PurgeTest {
    @TempDir
    Path data;

    @Test
    void purges_a_deleted_assets_files_but_keeps_shared_ones() throws Exception {
        try (TestServer server = new TestServer(data, Map.of("VITRINE_PURGE_AFTER", "PT0S"))) {
            byte[] jpeg = Media.jpeg(300, 200, 41);
            JsonNode a = AssetApiTestSupport.settled(server, server.upload("?onDuplicate=allow", "a.jpg", jpeg, null));
            JsonNode b = AssetApiTestSupport.settled(server, server.upload("?onDuplicate=allow", "b.jpg", jpeg, null));
            JsonNode solo = AssetApiTestSupport.settled(server, server.upload("?onDuplicate=allow", "solo.png", Media.png(90, 90, 42), null));
            String thumbOfSolo = renditionSha(server, solo.path("id").asText(), "thumb");
            assertThat(blob(server, solo.path("sha256").asText())).exists();
            assertThat(blob(server, thumbOfSolo)).exists();

            delete(server, solo.path("id").asText());
            delete(server, a.path("id").asText());
            awaitGone(blob(server, solo.path("sha256").asText()));
            awaitGone(blob(server, thumbOfSolo));
            assertThat(blob(server, a.path("sha256").asText())).as("the original is shared with b").exists();
            assertThat(server.get("/api/v1/assets/" + b.path("id").asText() + "/original").statusCode()).isEqualTo(200);
        }
    }

    private static void delete(TestServer server, String id) throws Exception {
        assertThat(server.send(server.request("/api/v1/assets/" + id).DELETE().build()).statusCode()).isEqualTo(204);
    }

    private static String renditionSha(TestServer server, String id, String name) throws Exception {
        return server.sendBytes(server.request("/api/v1/assets/" + id + "/renditions/" + name).build())
                .headers().firstValue("ETag").orElseThrow().replace("\"", "");
    }

    static Path blob(TestServer server, String sha) {
        return server.dataDir().resolve("blobs").resolve(sha.substring(0, 2)).resolve(sha.substring(2, 4)).resolve(sha);
    }

    static void awaitGone(Path p) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (Files.exists(p) && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertThat(p).doesNotExist();
    }
}
