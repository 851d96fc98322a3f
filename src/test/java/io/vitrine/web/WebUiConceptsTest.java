package io.vitrine.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.vitrine.TestServer;
import io.vitrine.api.GovernanceClient;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The vocabulary pages: everyone reads the concepts in her language, librarians grow them through the
 * same service as the API, and every refusal the API answers with a precise 409 is shown beside the form.
 */
class WebUiConceptsTest {
    @TempDir
    static Path data;
    static TestServer server;
    static GovernanceClient gov;
    static WebUiGovernanceTest.Browser librarian;
    static String csrf;

    @BeforeAll
    static void start() throws Exception {
        server = new TestServer(data, Map.of());
        gov = new GovernanceClient(server);
        librarian = WebUiGovernanceTest.signIn(server, gov.user("librarian"));
        csrf = WebUiGovernanceTest.csrf(librarian.get("/concepts").body());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static HttpResponse<String> post(String path, String... fields) throws Exception {
        StringBuilder form = new StringBuilder("_csrf=" + csrf);
        for (int i = 0; i < fields.length; i += 2) {
            form.append('&').append(fields[i]).append('=').append(URLEncoder.encode(fields[i + 1], StandardCharsets.UTF_8));
        }
        return librarian.post(path, form.toString());
    }

    @Test
    void every_role_reads_the_vocabulary_in_its_language_and_only_managers_get_the_form() throws Exception {
        var consumer = WebUiGovernanceTest.signIn(server, gov.user("consumer", "FR"));
        HttpResponse<String> page = consumer.get("/concepts?lang=de");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<a href=\"/concepts/animal\">Tier</a>").contains("mammal (en)").contains("Deutsch")
                .doesNotContain("Create concept").contains("href=\"/concepts\">Concepts</a>");
        assertThat(consumer.get("/concepts?q=S%C3%A4uge&lang=de").body()).contains("/concepts/mammal\">Säugetier")
                .doesNotContain("data-concept=\"animal\"");
        assertThat(consumer.get("/concepts/dog?lang=fr").body()).contains("<h1>chien</h1>").contains("/concepts/mammal\">mammifère")
                .doesNotContain("action=\"/concepts/dog\"");
        assertThat(librarian.get("/concepts").body()).contains("Create concept");
        assertThat(librarian.get("/concepts/dog").body()).contains("action=\"/concepts/dog\"")
                .as("a shipped concept offers synonyms only").doesNotContain("name=\"label-en\"").doesNotContain("Delete “dog”");
    }

    @Test
    void a_librarian_creates_edits_and_deletes_her_own_concept() throws Exception {
        HttpResponse<String> created = post("/concepts", "label-en", "Forklift", "label-de", "Gabelstapler", "synonyms-en",
                "lift truck, fork truck", "broader", "vehicle", "id", "");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(303);
        assertThat(created.headers().firstValue("Location")).hasValue("/concepts/forklift?created=1");
        var api = server.json(gov.admin("GET", "/api/v1/concepts/forklift", null));
        assertThat(api.path("source").asText()).isEqualTo("user");
        assertThat(api.path("broader").path("id").asText()).isEqualTo("vehicle");
        assertThat(api.path("synonyms").path("en").toString()).isEqualTo("[\"lift truck\",\"fork truck\"]");
        String detail = librarian.get("/concepts/forklift?created=1").body();
        assertThat(detail).contains("Concept created.").contains("Delete “Forklift”").contains("name=\"label-de\" value=\"Gabelstapler\"");
        assertThat(librarian.get("/concepts?q=fork").body()).contains("/concepts/forklift\">Forklift").contains("made here");

        HttpResponse<String> saved = post("/concepts/forklift", "label-en", "Forklift", "label-fr", "chariot élévateur", "broader", "truck",
                "synonyms-en", "lift truck");
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);
        assertThat(saved.body()).contains("Saved.");
        api = server.json(gov.admin("GET", "/api/v1/concepts/forklift", null));
        assertThat(api.path("labels").path("fr").asText()).isEqualTo("chariot élévateur");
        assertThat(api.path("broader").path("id").asText()).isEqualTo("truck");
        assertThat(api.path("synonyms").path("en").toString()).isEqualTo("[\"lift truck\"]");

        HttpResponse<String> deleted = post("/concepts/forklift/delete");
        assertThat(deleted.statusCode()).isEqualTo(303);
        assertThat(deleted.headers().firstValue("Location")).hasValue("/concepts?deleted=forklift");
        assertThat(gov.admin("GET", "/api/v1/concepts/forklift", null).statusCode()).isEqualTo(404);
        assertThat(librarian.get("/concepts/forklift").statusCode()).isEqualTo(404);
        assertThat(gov.admin("GET", "/api/v1/audit", null).body()).contains("concept.create").contains("concept.update")
                .contains("concept.delete");
    }

    @Test
    void the_apis_conflicts_are_shown_beside_the_form_naming_what_is_in_the_way() throws Exception {
        HttpResponse<String> collision = post("/concepts", "label-en", "Lab", "label-de", "Säugetier");
        assertThat(collision.statusCode()).isEqualTo(409);
        assertThat(collision.body()).contains("data-problem=\"label-collision\"").contains("That word already names another concept")
                .contains("href=\"/concepts/mammal\"").as("what was typed is kept").contains("value=\"Lab\"");

        HttpResponse<String> viaHtmx = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                server.uri("/concepts")).header("Cookie", librarian.cookie()).header("HX-Request", "true")
                .header("Content-Type", "application/x-www-form-urlencoded").POST(java.net.http.HttpRequest.BodyPublishers.ofString(
                        "_csrf=" + csrf + "&label-en=Lab&label-de=S%C3%A4ugetier")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(viaHtmx.statusCode()).as("htmx swaps only successful answers into the page").isEqualTo(200);
        assertThat(viaHtmx.body()).contains("data-problem=\"label-collision\"");

        assertThat(post("/concepts", "label-en", "Crane vehicle", "broader", "vehicle").statusCode()).isEqualTo(303);
        assertThat(post("/concepts", "label-en", "Harbour crane", "broader", "crane-vehicle").statusCode()).isEqualTo(303);
        HttpResponse<String> cycle = post("/concepts/crane-vehicle", "label-en", "Crane vehicle", "broader", "harbour-crane");
        assertThat(cycle.statusCode()).isEqualTo(409);
        assertThat(cycle.body()).contains("data-problem=\"broader-cycle\"").contains("would make a loop")
                .contains("crane-vehicle → harbour-crane → crane-vehicle");

        HttpResponse<String> inUse = post("/concepts/crane-vehicle/delete");
        assertThat(inUse.statusCode()).isEqualTo(409);
        assertThat(inUse.body()).contains("data-problem=\"in-use\"").contains("broader concept of harbour-crane");

        HttpResponse<String> shipped = post("/concepts/dog", "label-en", "Doggo");
        assertThat(shipped.statusCode()).isEqualTo(409);
        assertThat(shipped.body()).contains("data-problem=\"shipped\"").contains("keep their labels");
        assertThat(post("/concepts/dog/delete").body()).contains("data-problem=\"shipped\"");
        assertThat(server.json(gov.admin("GET", "/api/v1/concepts/dog", null)).path("label").asText()).isEqualTo("dog");

        HttpResponse<String> synonym = post("/concepts/dog", "synonyms-en", "pooch, hound dog");
        assertThat(synonym.statusCode()).isEqualTo(200);
        assertThat(server.json(gov.admin("GET", "/api/v1/concepts/dog", null)).path("synonyms").path("en").toString()).contains("pooch");
    }

    @Test
    void hostile_or_unauthorised_requests_get_precise_answers_and_change_nothing() throws Exception {
        var consumer = WebUiGovernanceTest.signIn(server, gov.user("consumer"));
        String theirs = WebUiGovernanceTest.csrf(consumer.get("/concepts").body());
        HttpResponse<String> refused = consumer.post("/concepts", "_csrf=" + theirs + "&label-en=Sneaky");
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).contains("concept.manage");
        assertThat(consumer.get("/teach").statusCode()).isEqualTo(403);
        assertThat(librarian.post("/concepts", "label-en=No+token").statusCode()).as("no CSRF token").isEqualTo(403);
        assertThat(gov.admin("GET", "/api/v1/concepts/sneaky", null).statusCode()).isEqualTo(404);
        assertThat(gov.admin("GET", "/api/v1/concepts/no-token", null).statusCode()).isEqualTo(404);

        HttpResponse<String> script = post("/concepts", "label-en", "<script>alert(1)</script>");
        assertThat(script.statusCode()).isEqualTo(400);
        assertThat(script.body()).contains("must not contain").doesNotContain("<script>alert(1)</script>");
        assertThat(post("/concepts", "label-en", "x".repeat(5000)).statusCode()).isEqualTo(400);
        assertThat(post("/concepts", "id", "Bad Id!", "label-en", "Bad id").body()).contains("lowercase letters");
        assertThat(post("/concepts").body()).contains("at least one of");
        assertThat(librarian.get("/concepts/no-such-concept").statusCode()).isEqualTo(404);
        assertThat(librarian.get("/concepts?cursor=" + "z".repeat(200)).statusCode()).isEqualTo(200);
    }
}
