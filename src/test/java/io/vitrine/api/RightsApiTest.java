package io.vitrine.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.vitrine.TestServer;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Licences enforced at delivery: channel, region, period, releases; signed links valid, altered, expired. */
class RightsApiTest {
    @TempDir
    static Path data;

    static TestServer server;
    static GovernanceClient client;
    static String licensed;

    @BeforeAll
    static void start() throws Exception {
        server = new TestServer(data, Map.of("VITRINE_SIGNING_KEY", "a-test-signing-key-of-at-least-32-characters"));
        client = new GovernanceClient(server);
        licensed = client.asset(601, null);
        client.attach(licensed, client.licence("""
                {"kind":"licence","channels":["web","social"],"regions":["DE","FR"],"start":"2020-01-01","end":"2999-12-31",
                 "licensor":"Studio Nord","attribution":"© Studio Nord","restrictions":"no retouching"}"""));
        client.approve(licensed); // only approved assets leave the company through signed links
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return client.admin("GET", path, null);
    }

    @Test
    void a_covered_use_is_delivered_and_the_asset_shows_its_licences() throws Exception {
        assertThat(get("/api/v1/assets/" + licensed + "/original?channel=web&region=DE").statusCode()).isEqualTo(200);
        assertThat(get("/api/v1/assets/" + licensed + "/renditions/thumb?channel=social&region=FR").statusCode()).isEqualTo(200);
        JsonNode a = client.json(get("/api/v1/assets/" + licensed));
        assertThat(a.path("licences").get(0).path("licensor").asText()).isEqualTo("Studio Nord");
        assertThat(a.path("licences").get(0).path("channels").toString()).isEqualTo("[\"web\",\"social\"]");
    }

    @Test
    void a_channel_no_licence_grants_is_refused_naming_channel_and_region() throws Exception {
        HttpResponse<String> r = get("/api/v1/assets/" + licensed + "/original?channel=print&region=DE");
        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(client.json(r).path("detail").asText()).startsWith("no licence covers channel print in region DE");
        assertThat(get("/api/v1/assets/" + licensed + "/renditions/thumb?channel=print&region=DE").statusCode()).isEqualTo(403);
    }

    @Test
    void a_region_no_licence_grants_is_refused_naming_it() throws Exception {
        HttpResponse<String> r = get("/api/v1/assets/" + licensed + "/original?channel=web&region=US");
        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(client.json(r).path("detail").asText()).contains("region US is not granted for web");
    }

    @Test
    void an_expired_licence_covers_nothing() throws Exception {
        String a = client.asset(602, null);
        client.attach(a, client.licence("{\"channels\":[\"web\"],\"start\":\"2019-01-01\",\"end\":\"2020-12-31\"}"));
        HttpResponse<String> r = get("/api/v1/assets/" + a + "/original?channel=web&region=DE");
        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(client.json(r).path("detail").asText()).contains("no licence covers channel web in region DE").contains("ended 2020-12-31");
    }

    @Test
    void a_release_must_cover_the_use_as_well_as_a_licence() throws Exception {
        String a = client.asset(603, null);
        client.attach(a, client.licence("{\"channels\":[\"web\",\"print\"]}"));
        client.attach(a, client.licence("{\"kind\":\"release\",\"channels\":[\"web\"]}"));
        assertThat(get("/api/v1/assets/" + a + "/original?channel=web&region=JP").statusCode()).isEqualTo(200);
        HttpResponse<String> r = get("/api/v1/assets/" + a + "/original?channel=print&region=JP");
        assertThat(client.json(r).path("detail").asText()).startsWith("no release covers channel print in region JP");
    }

    @Test
    void an_asset_without_licences_and_internal_viewing_need_no_licence_but_a_half_stated_use_is_refused() throws Exception {
        String own = client.asset(604, null);
        assertThat(get("/api/v1/assets/" + own + "/original?channel=print&region=DE").statusCode()).isEqualTo(200);
        assertThat(get("/api/v1/assets/" + licensed + "/original").statusCode()).isEqualTo(200);
        assertThat(get("/api/v1/assets/" + licensed + "/original?channel=print").statusCode()).isEqualTo(400);
        assertThat(get("/api/v1/assets/" + licensed + "/original?channel=radio&region=DE").statusCode()).isEqualTo(400);
    }

    @Test
    void a_distribution_outside_the_assets_markets_is_refused() throws Exception {
        String a = client.asset(605, null);
        client.restrict(a, "FR");
        HttpResponse<String> r = get("/api/v1/assets/" + a + "/original?channel=web&region=DE");
        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(client.json(r).path("detail").asText()).contains("may not be shown in region DE");
    }

    @Test
    void bad_licences_are_refused_precisely() throws Exception {
        assertThat(client.admin("POST", "/api/v1/licences", "{\"channels\":[\"radio\"]}").body()).contains("unknown channel 'radio'");
        assertThat(client.admin("POST", "/api/v1/licences", "{\"channels\":[]}").body()).contains("'channels' must name");
        assertThat(client.admin("POST", "/api/v1/licences", "{\"channels\":[\"web\"],\"start\":\"2025-02-01\",\"end\":\"2025-01-01\"}").body())
                .contains("'end' is before 'start'");
        assertThat(client.admin("POST", "/api/v1/assets/" + licensed + "/licences", "{\"licenceId\":\"nope\"}").statusCode()).isEqualTo(404);
    }

    private static String link(String body) throws Exception {
        HttpResponse<String> r = client.admin("POST", "/api/v1/assets/" + licensed + "/delivery-urls", body);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return client.json(r).path("url").asText();
    }

    private static HttpResponse<byte[]> anonymous(String url) throws Exception {
        return server.sendBytes(HttpRequest.newBuilder(URI.create(url)).GET().build());
    }

    @Test
    void a_signed_link_works_without_a_token_until_it_expires() throws Exception {
        String url = link("{\"rendition\":\"thumb\",\"channel\":\"web\",\"region\":\"DE\",\"expiresIn\":1}");
        HttpResponse<byte[]> ok = anonymous(url);
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(ok.headers().firstValue("Content-Type").orElse("")).startsWith("image/");
        Thread.sleep(2100);
        HttpResponse<byte[]> expired = anonymous(url);
        assertThat(expired.statusCode()).isEqualTo(403);
        assertThat(new String(expired.body())).contains("expired");
    }

    @Test
    void an_altered_signed_link_is_refused() throws Exception {
        String url = link("{\"channel\":\"web\",\"region\":\"DE\",\"expiresIn\":600}");
        assertThat(anonymous(url).statusCode()).isEqualTo(200);
        assertThat(anonymous(url.replace("region=DE", "region=FR")).statusCode()).isEqualTo(403);
        assertThat(anonymous(url.replace("channel=web", "channel=print")).statusCode()).isEqualTo(403);
        assertThat(anonymous(url.replace("/original?", "/thumb?")).statusCode()).isEqualTo(403);
        HttpResponse<byte[]> forged = anonymous(url.substring(0, url.length() - 2) + "AA");
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(new String(forged.body())).contains("signature does not match");
    }

    @Test
    void a_link_for_an_unlicensed_use_is_never_issued() throws Exception {
        HttpResponse<String> r = client.admin("POST", "/api/v1/assets/" + licensed + "/delivery-urls",
                "{\"channel\":\"print\",\"region\":\"DE\"}");
        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(client.json(r).path("detail").asText()).contains("channel print");
        assertThat(client.admin("POST", "/api/v1/assets/" + licensed + "/delivery-urls", "{}").statusCode()).isEqualTo(400);
    }
}
