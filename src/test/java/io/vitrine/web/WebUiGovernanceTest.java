package io.vitrine.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.vitrine.TestServer;
import io.vitrine.api.GovernanceClient;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The browser UI obeys the same governance as the API: regions, permissions, licences. */
class WebUiGovernanceTest {
    @TempDir
    static Path data;

    static TestServer server;
    static GovernanceClient gov;
    static String germanOnly;
    static String everywhere;

    @BeforeAll
    static void start() throws Exception {
        server = new TestServer(data, Map.of());
        gov = new GovernanceClient(server);
        germanOnly = gov.asset(501, "{\"title\":\"Oktoberfest tent\"}");
        gov.restrict(germanOnly, "DE");
        everywhere = gov.asset(502, "{\"title\":\"Harbour crane\"}");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void an_asset_outside_the_users_regions_is_not_found_in_the_ui() throws Exception {
        Browser fr = signIn(gov.user("consumer", "FR"));
        assertThat(fr.get("/assets/" + germanOnly).statusCode()).isEqualTo(404);
        assertThat(fr.get("/assets/" + germanOnly + "/original").statusCode()).isEqualTo(404);
        assertThat(fr.get("/assets/" + germanOnly + "/renditions/thumb").statusCode()).isEqualTo(404);
        assertThat(fr.get("/assets/" + everywhere).statusCode()).isEqualTo(200);
        String library = fr.get("/").body();
        assertThat(library).contains(everywhere).doesNotContain(germanOnly).doesNotContain("Oktoberfest");

        Browser de = signIn(gov.user("consumer", "DE"));
        assertThat(de.get("/assets/" + germanOnly).statusCode()).isEqualTo(200);
        assertThat(de.get("/").body()).contains(germanOnly);
    }

    @Test
    void a_role_without_the_permission_cannot_edit_delete_or_upload() throws Exception {
        Browser viewer = signIn(gov.user("reviewer", "DE"));
        String page = viewer.get("/assets/" + everywhere).body();
        String csrf = csrf(page);
        HttpResponse<String> edit = viewer.post("/assets/" + everywhere + "/metadata", "_csrf=" + csrf + "&title=Hacked");
        assertThat(edit.statusCode()).isEqualTo(403);
        assertThat(edit.body()).contains("asset.metadata.edit");
        assertThat(viewer.post("/assets/" + everywhere + "/delete", "_csrf=" + csrf).statusCode()).isEqualTo(403);
        assertThat(viewer.get("/upload").statusCode()).isEqualTo(403);
        assertThat(server.json(server.get("/api/v1/assets/" + everywhere)).path("metadata").path("title").asText())
                .isEqualTo("Harbour crane");
    }

    @Test
    void an_external_partner_gets_files_of_approved_assets_only_in_the_ui() throws Exception {
        String draft = gov.asset(503, "{\"title\":\"Unreviewed poster\"}");
        Browser partner = signIn(gov.user("external"));
        HttpResponse<String> refused = partner.get("/assets/" + draft + "/renditions/thumb");
        assertThat(refused.statusCode()).as("work in progress does not exist for partners outside the company").isEqualTo(404);
        assertThat(partner.get("/assets/" + draft).statusCode()).isEqualTo(404);
        assertThat(signIn(gov.user("consumer")).get("/assets/" + draft + "/renditions/thumb").statusCode()).isEqualTo(200);
        gov.approve(draft);
        assertThat(partner.get("/assets/" + draft + "/renditions/thumb").statusCode()).isEqualTo(200);
    }

    @Test
    void an_external_partners_library_and_search_list_released_assets_only() throws Exception {
        String draft = gov.asset(504, "{\"title\":\"Partner draft flyer\"}");
        String released = gov.asset(505, "{\"title\":\"Partner ready flyer\"}");
        gov.approve(released);
        Browser partner = signIn(gov.user("external"));
        String page = "";
        for (int i = 0; i < 100 && !page.contains(released); i++) { // the index shows the approval within a refresh
            Thread.sleep(100);
            page = partner.get("/").body();
        }
        assertThat(page).contains("data-asset=\"" + released + "\"").doesNotContain(draft).doesNotContain("Partner draft flyer");
        String searched = partner.get("/?q=flyer").body();
        assertThat(searched).contains(released).doesNotContain(draft);
        assertThat(signIn(gov.user("consumer")).get("/?q=flyer").body()).contains(draft).contains(released);
    }

    @Test
    void original_downloads_in_the_ui_are_audited() throws Exception {
        Browser librarian = signIn(gov.user("librarian", "DE"));
        assertThat(librarian.get("/assets/" + everywhere + "/original").statusCode()).isEqualTo(200);
        String audit = gov.admin("GET", "/api/v1/audit?limit=200", null).body();
        assertThat(audit).contains("asset.original").contains(everywhere);
    }

    @Test
    void opening_a_search_hit_in_the_ui_is_counted_for_analytics() throws Exception {
        Browser librarian = signIn(gov.user("librarian", "DE"));
        String page = librarian.get("/?q=harbour+crane").body();
        // the index refreshes within a second of the asset being ready
        for (int i = 0; i < 50 && !page.contains("data-asset=\"" + everywhere + "\""); i++) {
            Thread.sleep(100);
            page = librarian.get("/?q=harbour+crane").body();
        }
        assertThat(page).contains("data-asset=\"" + everywhere + "\"");
        String csrf = csrf(page);
        librarian.get("/?q=harbour+crane");
        librarian.get("/?q=harbour+crane");
        assertThat(librarian.post("/search/clicks", "_csrf=" + csrf + "&query=harbour+crane&assetId=" + everywhere + "&position=1")
                .statusCode()).isEqualTo(204);
        assertThat(librarian.post("/search/clicks", "_csrf=" + csrf + "&query=harbour+crane&assetId=x&position=0").statusCode())
                .isEqualTo(400);
        String report = gov.admin("GET", "/api/v1/analytics/searches?report=low-clicks&days=1", null).body();
        assertThat(report).contains("\"query\":\"harbour crane\"").contains("\"clicks\":1");
    }

    static String csrf(String html) {
        Matcher m = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(html);
        assertThat(m.find()).as("a CSRF field on the page").isTrue();
        return m.group(1);
    }

    Browser signIn(String token) throws Exception {
        return signIn(server, token);
    }

    static Browser signIn(TestServer server, String token) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(server.uri("/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("token=" + URLEncoder.encode(token, StandardCharsets.UTF_8))).build(),
                HttpResponse.BodyHandlers.ofString());
        String cookie = r.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith(Guard.COOKIE + "="))
                .findFirst().orElseThrow(() -> new AssertionError("no session cookie: " + r.statusCode() + " " + r.body()));
        return new Browser(server, cookie.substring(0, cookie.indexOf(';')));
    }

    record Browser(TestServer server, String cookie) {
        HttpResponse<String> get(String path) throws Exception {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(server.uri(path)).header("Cookie", cookie).build(),
                    HttpResponse.BodyHandlers.ofString());
        }

        HttpResponse<String> post(String path, String form) throws Exception {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(server.uri(path)).header("Cookie", cookie)
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        }
    }
}
