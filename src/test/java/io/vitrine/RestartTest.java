package io.vitrine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.vitrine.api.ApiTestMedia;
import io.vitrine.search.lucene.LuceneAssetIndex;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What was acknowledged survives a restart: queued work resumes, assets and the index persist. */
class RestartTest {
    @TempDir
    Path data;

    @Test
    void queued_processing_resumes_after_a_restart_and_the_index_persists() throws Exception {
        String id;
        try (TestServer stopped = new TestServer(data, Map.of("VITRINE_WORKERS", "0"))) {
            HttpResponse<String> r = stopped.upload("?onDuplicate=allow", "later.jpg", ApiTestMedia.jpeg(),
                    "{\"title\":\"Lighthouse\"}");
            assertThat(r.statusCode()).isEqualTo(201);
            id = stopped.json(r).path("id").asText();
            assertThat(stopped.json(stopped.get("/api/v1/assets/" + id)).path("status").asText()).isEqualTo("processing");
        }
        try (TestServer running = new TestServer(data, Map.of())) {
            JsonNode a = running.awaitSettled(id);
            assertThat(a.path("status").asText()).isEqualTo("ready");
            assertThat(a.path("renditions").size()).isGreaterThanOrEqualTo(3);
        }
        try (TestServer again = new TestServer(data, Map.of("VITRINE_WORKERS", "0"))) {
            JsonNode hits = again.json(again.get("/api/v1/search?q=lighthouse"));
            assertThat(hits.path("total").asInt()).isEqualTo(1);
            assertThat(hits.path("hits").get(0).path("id").asText()).isEqualTo(id);
        }
    }

    @Test
    void an_index_that_lost_recent_changes_is_reconciled_with_the_database_at_start() throws Exception {
        String id;
        try (TestServer server = new TestServer(data, Map.of())) {
            HttpResponse<String> r = server.upload("?onDuplicate=allow", "kept.jpg", ApiTestMedia.jpeg(), "{\"title\":\"Windmill\"}");
            id = server.json(r).path("id").asText();
            server.awaitSettled(id);
        }
        try (LuceneAssetIndex index = new LuceneAssetIndex(data.resolve("index"))) {
            index.delete(id);
        }
        try (TestServer restarted = new TestServer(data, Map.of("VITRINE_WORKERS", "0"))) {
            JsonNode hits = restarted.json(restarted.get("/api/v1/search?q=windmill"));
            assertThat(hits.path("total").asInt()).isEqualTo(1);
            assertThat(hits.path("hits").get(0).path("id").asText()).isEqualTo(id);
        }
    }
}
