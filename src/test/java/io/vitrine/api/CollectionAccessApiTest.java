package io.vitrine.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.vitrine.TestServer;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A user limited to collections ("her collections include it") through the real server: asset routes,
 * downloads, delivery links, lists, search totals and facets, and the live event stream; the index
 * follows collection membership.
 */
class CollectionAccessApiTest {
    @TempDir
    static Path data;

    static TestServer server;
    static GovernanceClient client;
    static String inside;
    static String outside;
    static String insideButFrench;
    static String brand;
    static GovernanceClient.Created agency;

    @BeforeAll
    static void start() throws Exception {
        server = new TestServer(data, Map.of());
        client = new GovernanceClient(server);
        inside = client.asset(801, "{\"keywords\":[\"scopefixture\",\"mine\"]}");
        outside = client.asset(802, "{\"keywords\":[\"scopefixture\",\"theirs\"]}");
        insideButFrench = client.asset(803, "{\"keywords\":[\"scopefixture\",\"mine\"]}");
        client.restrict(insideButFrench, "FR");
        brand = client.json(client.admin("POST", "/api/v1/collections", "{\"name\":\"brand\"}")).path("id").asText();
        client.admin("POST", "/api/v1/collections/" + brand + "/assets", "{\"assetIds\":[\"" + inside + "\",\"" + insideButFrench + "\"]}");
        String web = client.licence("{\"channels\":[\"web\",\"internal\"]}");
        client.attach(inside, web);
        client.attach(outside, web);
        agency = client.userIn("consumer", List.of(brand), "DE");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static int status(String method, String path) throws Exception {
        return client.call(agency.token(), method, path, null).statusCode();
    }

    @Test
    void every_asset_route_answers_404_for_an_asset_outside_her_collections() throws Exception {
        assertThat(status("GET", "/api/v1/assets/" + inside)).isEqualTo(200);
        assertThat(status("GET", "/api/v1/assets/" + outside)).isEqualTo(404);
        assertThat(status("GET", "/api/v1/assets/" + insideButFrench)).as("her regions still apply").isEqualTo(404);
        assertThat(status("GET", "/api/v1/assets/" + inside + "/renditions/thumb?channel=web&region=DE")).isEqualTo(200);
        assertThat(status("GET", "/api/v1/assets/" + outside + "/renditions/thumb?channel=web&region=DE")).isEqualTo(404);
        assertThat(status("GET", "/api/v1/assets/" + outside + "/original?channel=web&region=DE")).isEqualTo(404);
        HttpResponse<String> link = client.call(agency.token(), "POST", "/api/v1/assets/" + outside + "/delivery-urls",
                "{\"rendition\":\"thumb\",\"channel\":\"web\",\"region\":\"DE\",\"expiresIn\":\"PT1H\"}");
        assertThat(link.statusCode()).isEqualTo(404);
        assertThat(status("GET", "/api/v1/assets/" + outside + "/similar")).isEqualTo(404);
    }

    @Test
    void lists_search_totals_and_facets_hold_only_assets_of_her_collections() throws Exception {
        assertThat(client.call(agency.token(), "GET", "/api/v1/assets?limit=100", null).body())
                .contains(inside).doesNotContain(outside).doesNotContain(insideButFrench);
        JsonNode r = awaitTotal("keywords=scopefixture", 1);
        assertThat(r.path("hits").toString()).contains(inside).doesNotContain(outside);
        assertThat(r.path("facets").path("keywords").toString()).doesNotContain("theirs").contains("\"count\":1");
    }

    @Test
    void adding_to_and_removing_from_her_collection_reaches_search() throws Exception {
        String later = client.asset(804, "{\"keywords\":[\"laterfixture\"]}");
        awaitTotal("keywords=laterfixture", 0);
        client.admin("POST", "/api/v1/collections/" + brand + "/assets", "{\"assetIds\":[\"" + later + "\"]}");
        assertThat(awaitTotal("keywords=laterfixture", 1).path("hits").toString()).contains(later);
        assertThat(status("GET", "/api/v1/assets/" + later)).isEqualTo(200);
        client.admin("DELETE", "/api/v1/collections/" + brand + "/assets/" + later, null);
        awaitTotal("keywords=laterfixture", 0);
        assertThat(status("GET", "/api/v1/assets/" + later)).isEqualTo(404);
    }

    @Test
    void the_live_event_stream_leaves_out_events_about_assets_outside_her_collections() throws Exception {
        assertThat(client.admin("PATCH", "/api/v1/assets/" + outside, "{\"title\":\"not for the agency\"}").statusCode()).isEqualTo(200);
        assertThat(client.admin("PATCH", "/api/v1/assets/" + inside, "{\"title\":\"for the agency\"}").statusCode()).isEqualTo(200);
        String admin = client.admin("GET", "/api/v1/events?lastEventId=0&timeout=0&types=asset.updated", null).body();
        assertThat(admin).contains(outside).contains(inside);
        String hers = client.call(agency.token(), "GET", "/api/v1/events?lastEventId=0&timeout=0&types=asset.updated", null).body();
        assertThat(hers).contains(inside).doesNotContain(outside);
    }

    @Test
    void lifting_her_restriction_shows_every_asset_of_her_regions_again() throws Exception {
        GovernanceClient.Created lifted = client.userIn("consumer", List.of(brand), "DE");
        assertThat(client.call(lifted.token(), "GET", "/api/v1/assets/" + outside, null).statusCode()).isEqualTo(404);
        HttpResponse<String> r = client.admin("PATCH", "/api/v1/users/" + lifted.id(), "{\"collections\":[]}");
        assertThat(client.json(r).path("collections").isNull()).isTrue();
        assertThat(client.json(client.admin("GET", "/api/v1/users/" + lifted.id(), null)).path("collections").isNull()).isTrue();
        assertThat(client.call(lifted.token(), "GET", "/api/v1/assets/" + outside, null).statusCode()).isEqualTo(200);
        assertThat(client.admin("PATCH", "/api/v1/users/" + lifted.id(), "{\"collections\":[\"no-such\"]}").statusCode()).isEqualTo(400);
    }

    private static JsonNode awaitTotal(String query, long total) throws Exception {
        JsonNode r = null;
        for (int i = 0; i < 150; i++) {
            r = client.json(client.call(agency.token(), "GET", "/api/v1/search?" + query, null));
            if (r.path("total").asLong() == total) {
                return r;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("search for " + query + " never reached total " + total + ": " + r);
    }
}
