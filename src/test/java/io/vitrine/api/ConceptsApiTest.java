package io.vitrine.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.vitrine.TestServer;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Librarians growing the vocabulary: their concepts and synonyms are read in every language and found by search at once. */
class ConceptsApiTest {
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
        if (server != null) {
            server.close();
        }
    }

    @Test
    void a_librarians_concept_is_read_in_the_callers_language_with_its_broader_concept_and_found_by_its_synonyms() throws Exception {
        String librarian = client.user("librarian", "DE");
        HttpResponse<String> created = client.call(librarian, "POST", "/api/v1/concepts", """
                {"broader":"vehicle","labels":{"en":"Forklift","zh":"叉车","de":"Gabelstapler"},"synonyms":{"en":["lift truck"]}}""");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(server.json(created).path("id").asText()).isEqualTo("forklift");
        JsonNode zh = server.json(client.call(client.user("consumer", "DE"), "GET", "/api/v1/concepts/forklift?lang=zh", null));
        assertThat(zh.path("label").asText()).isEqualTo("叉车");
        assertThat(zh.path("source").asText()).isEqualTo("user");
        assertThat(zh.path("broader").path("id").asText()).isEqualTo("vehicle");
        JsonNode vehicle = server.json(server.get("/api/v1/concepts/vehicle"));
        assertThat(vehicle.path("narrower").toString()).contains("\"id\":\"forklift\"");

        String asset = client.asset(1701, null);
        assertThat(client.admin("PUT", "/api/v1/assets/" + asset + "/tags/forklift", null).statusCode()).isEqualTo(200);
        awaitTotal("lift truck", 1);
        awaitTotal("叉车", 1);
        awaitTotal("Gabelstapler", 1);
        assertThat(client.admin("GET", "/api/v1/audit", null).body()).contains("concept.create").contains("forklift");
    }

    @Test
    void a_synonym_added_to_a_shipped_concept_finds_its_assets_without_a_restart() throws Exception {
        String asset = client.asset(1702, null);
        assertThat(client.admin("PUT", "/api/v1/assets/" + asset + "/tags/lighthouse", null).statusCode()).isEqualTo(200);
        awaitTotal("faroleiro", 0);
        HttpResponse<String> r = client.admin("PATCH", "/api/v1/concepts/lighthouse", "{\"synonyms\":{\"pt\":[\"faroleiro\"]}}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(server.json(r).path("synonyms").path("pt").toString()).isEqualTo("[\"faroleiro\"]");
        // the asset was indexed before the synonym existed: the background re-index brings the new word in
        awaitTotal("faroleiro", 1);
        JsonNode explained = server.json(server.get("/api/v1/search?explain=true&q=faroleiro"));
        assertThat(explained.path("interpretation").toString()).contains("lighthouse");
        HttpResponse<String> label = client.admin("PATCH", "/api/v1/concepts/lighthouse", "{\"labels\":{\"en\":\"beacon\"}}");
        assertThat(label.statusCode()).isEqualTo(409);
        assertThat(server.json(label).path("type").asText()).isEqualTo("/problems/shipped");
    }

    @Test
    void changing_a_user_concepts_label_re_indexes_its_assets_in_the_background() throws Exception {
        client.admin("POST", "/api/v1/concepts", "{\"labels\":{\"en\":\"pallet jack\"}}");
        String asset = client.asset(1703, null);
        client.admin("PUT", "/api/v1/assets/" + asset + "/tags/pallet-jack", null);
        awaitTotal("palettenhubwagen", 0);
        assertThat(client.admin("PATCH", "/api/v1/concepts/pallet-jack", "{\"labels\":{\"de\":\"Palettenhubwagen\"}}").statusCode())
                .isEqualTo(200);
        awaitTotal("palettenhubwagen", 1);
    }

    @Test
    void a_label_that_already_names_another_concept_is_refused_naming_that_concept() throws Exception {
        assertThat(problem("POST", "/api/v1/concepts", "{\"id\":\"hound\",\"labels\":{\"en\":\"DOG\"}}", 409))
                .isEqualTo("'DOG' (en) is already the en label of concept 'dog'");
        assertThat(problem("POST", "/api/v1/concepts", "{\"id\":\"hound\",\"labels\":{\"en\":\"hound\"},\"synonyms\":{\"es\":[\"Pérro\"]}}", 409))
                .contains("'Pérro' (es) is already the es label of concept 'dog'");
        assertThat(problem("POST", "/api/v1/concepts", "{\"labels\":{\"en\":\"Dog!\"}}", 409)).contains("concept 'dog' exists already");
    }

    @Test
    void a_broader_concept_that_would_make_a_cycle_is_refused_with_the_path() throws Exception {
        client.admin("POST", "/api/v1/concepts", "{\"id\":\"crane-a\",\"broader\":\"vehicle\",\"labels\":{\"en\":\"crane a\"}}");
        client.admin("POST", "/api/v1/concepts", "{\"id\":\"crane-b\",\"broader\":\"crane-a\",\"labels\":{\"en\":\"crane b\"}}");
        assertThat(problem("PATCH", "/api/v1/concepts/crane-a", "{\"broader\":\"crane-b\"}", 409))
                .contains("crane-a → crane-b → crane-a");
        assertThat(problem("PATCH", "/api/v1/concepts/crane-a", "{\"broader\":\"crane-a\"}", 409)).contains("cycle");
        assertThat(problem("PATCH", "/api/v1/concepts/crane-a", "{\"broader\":\"no-such\"}", 400)).contains("does not exist");
    }

    @Test
    void only_unused_user_concepts_can_be_deleted() throws Exception {
        client.admin("POST", "/api/v1/concepts", "{\"id\":\"reach-truck\",\"labels\":{\"en\":\"reach truck\"}}");
        String asset = client.asset(1704, null);
        client.admin("PUT", "/api/v1/assets/" + asset + "/tags/reach-truck", null);
        assertThat(problem("DELETE", "/api/v1/concepts/reach-truck", null, 409)).contains("is a tag on 1 asset");
        assertThat(problem("DELETE", "/api/v1/concepts/dog", null, 409)).contains("shipped");
        client.admin("DELETE", "/api/v1/assets/" + asset + "/tags/reach-truck", null);
        assertThat(client.admin("DELETE", "/api/v1/concepts/reach-truck", null).statusCode()).isEqualTo(204);
        assertThat(server.get("/api/v1/concepts/reach-truck").statusCode()).isEqualTo(404);
        assertThat(client.admin("PUT", "/api/v1/assets/" + asset + "/tags/reach-truck", null).statusCode()).isEqualTo(400);
    }

    @Test
    void the_vocabulary_is_listed_by_label_prefix_in_any_language_and_paged() throws Exception {
        JsonNode hund = server.json(server.get("/api/v1/concepts?q=hun&lang=de"));
        assertThat(hund.path("concepts").toString()).contains("\"id\":\"dog\"").contains("\"label\":\"Hund\"");
        JsonNode han = server.json(server.get("/api/v1/concepts?q=" + URLEncoder.encode("狗", StandardCharsets.UTF_8)));
        assertThat(han.path("concepts").toString()).contains("\"id\":\"dog\"");
        JsonNode first = server.json(server.get("/api/v1/concepts?limit=2"));
        assertThat(first.path("concepts")).hasSize(2);
        JsonNode second = server.json(server.get("/api/v1/concepts?limit=2&cursor=" + first.path("nextCursor").asText()));
        assertThat(second.path("concepts").get(0).path("id").asText()).isGreaterThan(first.path("concepts").get(1).path("id").asText());
    }

    @Test
    void hostile_or_malformed_concepts_get_precise_problems() throws Exception {
        assertThat(problem("POST", "/api/v1/concepts", "{\"labels\":{\"en\":\"bad\\u0000word\"}}", 400)).contains("control or invisible");
        assertThat(problem("POST", "/api/v1/concepts", "{\"labels\":{\"en\":\"" + "x".repeat(101) + "\"}}", 400)).contains("1 to 100");
        assertThat(problem("POST", "/api/v1/concepts", "{\"labels\":{\"en\":\"<script>alert(1)</script>\"}}", 400)).contains("'<'");
        assertThat(problem("POST", "/api/v1/concepts", "{\"labels\":{\"xx\":\"word\"}}", 400)).contains("language 'xx'");
        assertThat(problem("POST", "/api/v1/concepts", "{\"labels\":{\"en\":\"---\"}}", 400)).contains("letter or digit");
        assertThat(problem("POST", "/api/v1/concepts", "{\"labels\":{\"zh\":\"叉车二\"}}", 400)).contains("give an 'id'");
        assertThat(problem("POST", "/api/v1/concepts", "{\"id\":\"../etc\",\"labels\":{\"en\":\"x\"}}", 400)).contains("'id' must be");
        assertThat(problem("POST", "/api/v1/concepts", "{\"labels\":{\"en\":7}}", 400)).contains("must be a string");
        assertThat(problem("POST", "/api/v1/concepts", "{\"labels\":{}}", 400)).contains("at least one");
        assertThat(problem("POST", "/api/v1/concepts", "{\"labels\":{\"en\":\"a\"},\"colour\":1}", 400)).contains("unknown field");
        assertThat(problem("PATCH", "/api/v1/concepts/dog", "{\"synonyms\":{\"en\":[" + "\"w\",".repeat(25) + "\"z\"]}}", 400))
                .contains("at most 20");
        assertThat(problem("GET", "/api/v1/concepts?q=" + "a".repeat(101), null, 400)).contains("100");
        assertThat(problem("PATCH", "/api/v1/concepts/nope", "{\"synonyms\":{}}", 404)).contains("no concept 'nope'");
    }

    @Test
    void only_librarians_and_admins_change_the_vocabulary() throws Exception {
        String contributor = client.user("contributor", "DE");
        HttpResponse<String> r = client.call(contributor, "POST", "/api/v1/concepts", "{\"labels\":{\"en\":\"scissor lift\"}}");
        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(r.body()).contains("concept.manage");
        assertThat(client.call(contributor, "GET", "/api/v1/concepts?q=dog", null).statusCode()).isEqualTo(200);
    }

    private static String problem(String method, String path, String body, int status) throws Exception {
        HttpResponse<String> r = client.admin(method, path, body);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        return server.json(r).path("detail").asText();
    }

    private static void awaitTotal(String q, long total) throws Exception {
        String query = URLEncoder.encode(q, StandardCharsets.UTF_8);
        long last = -1;
        for (int i = 0; i < 150; i++) {
            last = server.json(server.get("/api/v1/search?q=" + query)).path("total").asLong();
            if (last == total) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("search for " + q + " never reached " + total + " (last " + last + ")");
    }
}
