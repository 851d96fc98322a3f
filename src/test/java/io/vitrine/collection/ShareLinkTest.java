package io.vitrine.collection;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.vitrine.TestServer;
import io.vitrine.api.GovernanceClient;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Share links seen from outside: no account, only the link. What shows is what the link's stated
 * use (channel, region) allows today; passwords, downloads, expiry and withdrawal are enforced on
 * every request, and every use is audited under the link.
 */
class ShareLinkTest {
    @TempDir
    static Path data;
    static TestServer server;
    static GovernanceClient client;
    static final HttpClient http = HttpClient.newHttpClient();
    static String owned;
    static String printOnly;
    static String german;
    static String anna;
    static String collection;
    static String unreviewed;

    @BeforeAll
    static void start() throws Exception {
        server = new TestServer(data, Map.of());
        client = new GovernanceClient(server);
        owned = client.asset(801, null);
        printOnly = client.asset(802, null);
        client.attach(printOnly, client.licence("{\"channels\":[\"print\"],\"regions\":[\"DE\",\"FR\"]}"));
        german = client.asset(803, null);
        client.restrict(german, "DE");
        for (String a : new String[] {owned, printOnly, german}) {
            client.approve(a); // only approved assets are shown through share links
        }
        unreviewed = client.asset(804, null);
        anna = server.json(client.admin("POST", "/api/v1/users", "{\"name\":\"anna\",\"roles\":[\"consumer\"],\"regions\":[\"DE\"]}"))
                .path("token").asText();
        collection = server.json(client.call(anna, "POST", "/api/v1/collections", "{\"name\":\"Press kit\"}")).path("id").asText();
        client.call(anna, "POST", "/api/v1/collections/" + collection + "/assets",
                "{\"assetIds\":[\"" + owned + "\",\"" + printOnly + "\",\"" + german + "\",\"" + unreviewed + "\"]}");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static JsonNode link(String token, String body) throws Exception {
        HttpResponse<String> r = client.call(token, "POST", "/api/v1/collections/" + collection + "/share-links", body);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return server.json(r);
    }

    private static HttpResponse<String> get(String url, String cookie) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url));
        if (cookie != null) {
            b.header("Cookie", cookie);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void the_page_shows_without_an_account_only_what_the_stated_use_is_licensed_for() throws Exception {
        String url = link(anna, "{\"channel\":\"web\",\"region\":\"DE\"}").path("url").asText();
        HttpResponse<String> page = get(url, null);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Press kit").contains(owned).contains(german).doesNotContain(printOnly);
        assertThat(page.body()).contains("downloads are off").doesNotContain("/original");
        assertThat(page.headers().firstValue("Cache-Control")).hasValue("no-store");
        assertThat(get(url + "/" + owned + "/thumb", null).statusCode()).isEqualTo(200);
        assertThat(get(url + "/" + owned + "/original", null).statusCode()).isEqualTo(404);
        assertThat(get(url + "/" + printOnly + "/thumb", null).statusCode()).isEqualTo(404);
        String print = link(anna, "{\"channel\":\"print\",\"region\":\"DE\"}").path("url").asText();
        assertThat(get(print, null).body()).contains(printOnly);
    }

    @Test
    void an_asset_not_approved_is_never_shown_or_served_through_a_link() throws Exception {
        String url = link(anna, "{\"channel\":\"web\",\"region\":\"DE\",\"download\":true}").path("url").asText();
        assertThat(get(url, null).body()).contains(owned).doesNotContain(unreviewed);
        assertThat(get(url + "/" + unreviewed + "/thumb", null).statusCode()).isEqualTo(404);
        assertThat(get(url + "/" + unreviewed + "/original", null).statusCode()).isEqualTo(404);
    }

    @Test
    void she_may_share_into_her_own_markets_only() throws Exception {
        HttpResponse<String> r = client.call(anna, "POST", "/api/v1/collections/" + collection + "/share-links",
                "{\"channel\":\"web\",\"region\":\"FR\"}");
        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(server.json(r).path("detail").asText()).contains("your own markets only (DE)");
        String fr = server.json(client.admin("POST", "/api/v1/collections/" + collection + "/share-links",
                "{\"channel\":\"web\",\"region\":\"FR\"}")).path("url").asText();
        assertThat(get(fr, null).body()).contains(owned).doesNotContain(german);
    }

    @Test
    void a_download_link_serves_originals_and_audits_each_download() throws Exception {
        JsonNode l = link(anna, "{\"channel\":\"web\",\"region\":\"DE\",\"download\":true}");
        HttpResponse<String> file = get(l.path("url").asText() + "/" + owned + "/original", null);
        assertThat(file.statusCode()).isEqualTo(200);
        assertThat(file.headers().firstValue("Content-Disposition").orElse("")).startsWith("attachment");
        String audit = client.admin("GET", "/api/v1/audit", null).body();
        assertThat(audit).contains("share-link.download").contains("share-link:" + l.path("id").asText());
        JsonNode listed = server.json(client.call(anna, "GET", "/api/v1/collections/" + collection + "/share-links", null));
        assertThat(listed.toString()).contains(l.path("id").asText()).doesNotContain(l.path("url").asText().substring(l.path("url").asText().lastIndexOf('/') + 1));
    }

    @Test
    void a_password_is_asked_first_and_ten_wrong_ones_lock_the_link() throws Exception {
        String url = link(anna, "{\"channel\":\"web\",\"region\":\"DE\",\"password\":\"harbour-lights\"}").path("url").asText();
        HttpResponse<String> ask = get(url, null);
        assertThat(ask.body()).contains("name=\"password\"").doesNotContain(owned);
        assertThat(get(url + "/" + owned + "/thumb", null).statusCode()).isEqualTo(404);
        assertThat(post(url, "wrong-password").statusCode()).isEqualTo(401);
        HttpResponse<String> right = post(url, "harbour-lights");
        assertThat(right.statusCode()).isEqualTo(303);
        String cookie = right.headers().firstValue("Set-Cookie").orElseThrow();
        assertThat(cookie).contains("HttpOnly").contains("SameSite=Lax");
        String c = cookie.substring(0, cookie.indexOf(';'));
        assertThat(get(url, c).body()).contains(owned);
        assertThat(get(url + "/" + owned + "/thumb", c).statusCode()).isEqualTo(200);
        for (int i = 0; i < 10; i++) {
            post(url, "guess-" + i);
        }
        HttpResponse<String> locked = get(url, c);
        assertThat(locked.statusCode()).isEqualTo(429);
        assertThat(locked.body()).contains("locked");
    }

    @Test
    void an_expired_or_withdrawn_link_is_gone_and_an_unknown_one_not_found() throws Exception {
        JsonNode l = link(anna, "{\"channel\":\"web\",\"region\":\"DE\",\"expiresIn\":1}");
        Thread.sleep(1500);
        HttpResponse<String> expired = get(l.path("url").asText(), null);
        assertThat(expired.statusCode()).isEqualTo(410);
        assertThat(expired.body()).contains("expired");
        JsonNode w = link(anna, "{\"channel\":\"web\",\"region\":\"DE\"}");
        assertThat(client.call(anna, "DELETE", "/api/v1/share-links/" + w.path("id").asText(), null).statusCode()).isEqualTo(204);
        assertThat(get(w.path("url").asText(), null).body()).contains("withdrawn");
        assertThat(get(server.uri("/s/sl_nothing").toString(), null).statusCode()).isEqualTo(404);
        assertThat(get(server.uri("/s/" + "x".repeat(5000)).toString(), null).statusCode()).isIn(404, 414, 431);
    }

    @Test
    void bad_link_requests_get_precise_problems() throws Exception {
        String base = "/api/v1/collections/" + collection + "/share-links";
        assertThat(server.json(client.call(anna, "POST", base, "{}")).path("detail").asText()).contains("state its 'channel' and 'region'");
        assertThat(server.json(client.call(anna, "POST", base, "{\"channel\":\"web\",\"region\":\"DE\",\"expiresIn\":99999999}"))
                .path("detail").asText()).contains("'expiresIn' must be 1 to");
        assertThat(server.json(client.call(anna, "POST", base, "{\"channel\":\"web\",\"region\":\"DE\",\"password\":\"short\"}"))
                .path("detail").asText()).contains("8 to 256");
        assertThat(server.json(client.call(anna, "POST", base, "{\"channel\":\"web\",\"region\":\"DE\",\"download\":\"yes\"}"))
                .path("detail").asText()).contains("true or false");
    }

    private static HttpResponse<String> post(String url, String password) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("password=" + URLEncoder.encode(password, StandardCharsets.UTF_8))).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
