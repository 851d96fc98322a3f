package io.vitrine.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.vitrine.TestServer;
import io.vitrine.db.PostgresServer;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** VITRINE_DB_URL switches the whole server to PostgreSQL: upload, processing, search and a restart work there too. */
class PostgresEndToEndTest {
    @TempDir
    Path data;

    @Test
    void the_server_runs_on_postgresql_when_configured() throws Exception {
        PostgresServer pg = PostgresServer.shared();
        String url = pg.jdbcUrl(pg.createDatabase());
        Map<String, String> env = Map.of("VITRINE_DB_URL", url, "VITRINE_DB_USER", pg.user());
        String id;
        try (TestServer server = new TestServer(data, env)) {
            HttpResponse<String> r = server.upload("?onDuplicate=allow", "pier.jpg", Media.jpeg(320, 240, 61), "{\"title\":\"Pier at night\"}");
            assertThat(r.statusCode()).isEqualTo(201);
            id = server.json(r).path("id").asText();
            JsonNode a = server.awaitSettled(id);
            assertThat(a.path("status").asText()).isEqualTo("ready");
            assertThat(a.path("renditions").size()).isGreaterThanOrEqualTo(3);
            assertThat(server.upload("?onDuplicate=reject", "again.jpg", Media.jpeg(320, 240, 61), null).statusCode()).isEqualTo(409);
        }
        try (TestServer again = new TestServer(data, env)) {
            assertThat(again.json(again.get("/api/v1/assets/" + id)).path("metadata").path("title").asText()).isEqualTo("Pier at night");
            assertThat(again.json(again.get("/api/v1/search?q=pier")).path("total").asInt()).isEqualTo(1);
        }
    }
}
