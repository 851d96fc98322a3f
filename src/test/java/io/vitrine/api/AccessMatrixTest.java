package io.vitrine.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.vitrine.TestServer;
import io.vitrine.auth.Permission;
import io.vitrine.auth.Role;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every /api/v1 route × every role × a user inside / outside the asset's market × (for users limited to
 * collections) inside / outside a collection holding it: a missing permission is a 403 naming it; an
 * asset outside the caller's regions or collections is a 404 like an unknown id; lists and search (hits,
 * totals, facets) never show it.
 */
class AccessMatrixTest {
    @TempDir
    static Path data;

    static TestServer server;
    static GovernanceClient client;
    static String asset;
    static String licence;
    static String licenceDocument;
    static String webhook;
    static String delivery;
    /** The user whose /api/v1/users/{id} routes the matrix calls (an admin's call revokes her: that is what the route does). */
    static String someone;
    static String collection;
    static String shareLink;
    static String someUser;
    static String openAsset;
    static String group;
    static String otherCollection;
    static final Map<Role, String> inRegion = new EnumMap<>(Role.class);
    static final Map<Role, String> outOfRegion = new EnumMap<>(Role.class);
    /** In the asset's region, limited to the collection holding it / to one that does not. */
    static final Map<Role, String> inCollection = new EnumMap<>(Role.class);
    static final Map<Role, String> outOfCollection = new EnumMap<>(Role.class);

    @BeforeAll
    static void start() throws Exception {
        server = new TestServer(data, Map.of("VITRINE_WEBHOOK_ALLOW", "127.0.0.1"));
        client = new GovernanceClient(server);
        webhook = newWebhook();
        asset = client.asset(501, "{\"keywords\":[\"matrixfixture\"]}");
        client.restrict(asset, "DE", "AT");
        openAsset = client.asset(502, "{\"keywords\":[\"matrixfixture\",\"openfixture\"]}");
        licence = client.licence("{\"channels\":[\"web\"]}");
        licenceDocument = LicenceDocumentApiTest.addDocument(server, licence, "contract.png", Media.png(20, 20, 1)).path("id").asText();
        collection = adminCollection();
        shareLink = client.json(client.admin("POST", "/api/v1/collections/" + collection + "/share-links",
                "{\"channel\":\"web\",\"region\":\"DE\"}")).path("id").asText();
        someone = client.json(client.admin("POST", "/api/v1/users", "{\"name\":\"matrix subject\",\"roles\":[\"consumer\"]}"))
                .path("id").asText();
        otherCollection = client.json(client.admin("POST", "/api/v1/collections", "{\"name\":\"elsewhere\"}")).path("id").asText();
        for (Role role : Role.values()) {
            inRegion.put(role, client.user(role.apiName(), "DE"));
            outOfRegion.put(role, client.user(role.apiName(), "FR"));
            inCollection.put(role, client.userIn(role.apiName(), java.util.List.of(collection), "DE").token());
            outOfCollection.put(role, client.userIn(role.apiName(), java.util.List.of(otherCollection), "DE").token());
        }
        group = client.json(client.admin("POST", "/api/v1/groups", "{\"name\":\"matrix group\"}")).path("id").asText();
        someUser = client.json(client.admin("POST", "/api/v1/users", "{\"name\":\"member\",\"roles\":[\"consumer\"]}")).path("id").asText();
        client.admin("PUT", "/api/v1/collections/" + collection + "/members/" + someUser, "{\"access\":\"view\"}");
        client.admin("PUT", "/api/v1/groups/" + group + "/members/" + someUser, null);
        awaitIndexed(asset);
        delivery = client.json(client.admin("GET", "/api/v1/webhooks/" + webhook + "/deliveries", null))
                .path("deliveries").path(0).path("id").asText();
    }

    /** A subscription to a closed loopback port: its deliveries exist and fail, which is all the matrix needs. */
    static String newWebhook() throws Exception {
        return client.json(client.admin("POST", "/api/v1/webhooks", "{\"url\":\"http://127.0.0.1:9/matrix\",\"events\":[\"asset.*\"]}"))
                .path("id").asText();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    /** The region change reaches the index through a job; wait until search reflects it. */
    static void awaitIndexed(String id) throws Exception {
        for (int i = 0; i < 300; i++) {
            JsonNode r = client.json(client.call(outOfRegion.get(Role.CONSUMER), "GET", "/api/v1/search?keywords=matrixfixture", null));
            if (r.path("total").asLong() == 1) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("search never reflected the regions of " + id);
    }

    @Test
    void every_route_answers_each_role_in_and_out_of_region_as_designed() throws Exception {
        Map<String, Permission> routes = server.vitrine().http().permissions();
        assertThat(routes.keySet()).as("every /api/v1 route demands a permission")
                .containsAll(server.vitrine().http().routes().stream().filter(r -> r.contains(" /api/v1/")).toList());
        for (var route : routes.entrySet()) {
            for (Role role : Role.values()) {
                check(route.getKey(), route.getValue(), role, inRegion.get(role), true);
                check(route.getKey(), route.getValue(), role, outOfRegion.get(role), false);
                check(route.getKey(), route.getValue(), role, inCollection.get(role), true);
                check(route.getKey(), route.getValue(), role, outOfCollection.get(role), false);
            }
        }
    }

    /** A collection of the administrator's holding the restricted asset: nobody else owns it or is a member. */
    private static String adminCollection() throws Exception {
        String id = client.json(client.admin("POST", "/api/v1/collections", "{\"name\":\"matrix\"}")).path("id").asText();
        client.admin("POST", "/api/v1/collections/" + id + "/assets", "{\"assetIds\":[\"" + asset + "\"]}");
        return id;
    }

    private static String path(String method, String route) throws Exception {
        if (method.equals("DELETE") && route.equals("/api/v1/collections/{id}")) {
            return "/api/v1/collections/" + adminCollection();
        }
        if (route.startsWith("/api/v1/collections/")) {
            return route.replace("{id}", collection).replace("{assetId}", asset).replace("{userId}", someUser);
        }
        if (route.startsWith("/api/v1/share-links/")) {
            return route.replace("{id}", shareLink);
        }
        if (route.startsWith("/api/v1/webhooks/")) {
            return route.replace("{id}", method.equals("DELETE") ? newWebhook() : webhook).replace("{deliveryId}", delivery);
        }
        if (method.equals("DELETE") && route.equals("/api/v1/groups/{id}")) {
            return "/api/v1/groups/" + client.json(client.admin("POST", "/api/v1/groups", "{\"name\":\"doomed " + System.nanoTime() + "\"}"))
                    .path("id").asText();
        }
        if (route.startsWith("/api/v1/groups/")) {
            return route.replace("{id}", group).replace("{userId}", someUser);
        }
        if (route.startsWith("/api/v1/users/")) {
            return route.replace("{id}", someone);
        }
        if (route.startsWith("/api/v1/concepts/")) {
            // a shipped concept: readable by all, undeletable (409), and the bodies below stop at validation
            return route.replace("{id}", "balloon");
        }
        return route.startsWith("/api/v1/licences/") ? route.replace("{id}", licence).replace("{documentId}", licenceDocument)
                : route.replace("{id}", asset).replace("{licenceId}", licence).replace("{name}", "thumb").replace("{concept}", "balloon").replace("{number}", "1").replace("{flag}", "weapon")
                        .replace("{a}", asset).replace("{b}", openAsset);
    }

    private static void check(String route, Permission permission, Role role, String token, boolean inside) throws Exception {
        String[] parts = route.split(" ", 2);
        String path = path(parts[0], parts[1]);
        // the event stream stays open unless told when to end
        String query = path.endsWith("/lifecycle/run") || path.endsWith("/reminders/run") ? "?dryRun=true"
                : path.equals("/api/v1/events") ? "?timeout=0" : "";
        HttpResponse<String> r = client.call(token, parts[0], path + query, body(route));
        String what = route + " as " + role.apiName() + (inside ? " in region" : " out of region") + ": " + r.body();
        if (!role.permissions().contains(permission)) {
            assertThat(r.statusCode()).as(what).isEqualTo(403);
            assertThat(client.json(r).path("detail").asText()).as(what).contains(permission.apiName());
        } else if ((parts[1].startsWith("/api/v1/collections/{id}") || parts[1].startsWith("/api/v1/share-links/")) && role != Role.ADMIN) {
            // someone else's collection: absent, like an unknown id (or the body is refused before anything is looked up)
            assertThat(r.statusCode()).as(what).isIn(parts[0].equals("GET") ? java.util.List.of(404) : java.util.List.of(400, 404));
        } else if (parts[1].startsWith("/api/v1/assets/{id}") && (!inside || role == Role.EXTERNAL) && role != Role.ADMIN) {
            // outside her regions, or (for a partner outside the company) not approved yet: absent
            assertThat(r.statusCode()).as(what).isEqualTo(404);
            assertThat(client.json(r).path("type").asText()).as(what).isEqualTo("/problems/not-found");
        } else if (route.equals("POST /api/v1/notifications/{id}/read")) {
            // past the access checks: nobody has a notification with the asset's id; hers only, else absent
            assertThat(r.statusCode()).as(what).isEqualTo(404);
        } else if (route.equals("DELETE /api/v1/assets/{id}/tags/{concept}") && r.statusCode() == 404) {
            // past the access checks: this asset has no person-added tag to take off
            assertThat(client.json(r).path("type").asText()).as(what).isEqualTo("/problems/no-tag");
        } else {
            // past the access checks: done, refused as invalid, not comparable yet (409) or capability not installed (503)
            assertThat(r.statusCode()).as(what).isIn(200, 201, 204, 400, 409, 503);
        }
        if (route.equals("DELETE /api/v1/assets/{id}") && r.statusCode() == 204) {
            assertThat(client.admin("POST", "/api/v1/assets/" + asset + "/restore", null).statusCode()).isEqualTo(200);
        }
        restore(route, r.statusCode());
    }

    /** Puts back what an administrator's successful call took away, so the next call meets the same fixture. */
    private static void restore(String route, int status) throws Exception {
        if (status != 204) {
            return;
        }
        if (route.equals("DELETE /api/v1/collections/{id}/assets/{assetId}")) {
            client.admin("POST", "/api/v1/collections/" + collection + "/assets", "{\"assetIds\":[\"" + asset + "\"]}");
        } else if (route.equals("DELETE /api/v1/groups/{id}/members/{userId}")) {
            client.admin("PUT", "/api/v1/groups/" + group + "/members/" + someUser, null);
        } else if (route.equals("DELETE /api/v1/collections/{id}/members/{userId}")) {
            client.admin("PUT", "/api/v1/collections/" + collection + "/members/" + someUser, "{\"access\":\"view\"}");
        }
    }

    /** Bodies that pass the access checks and then stop at validation, so nothing changes. */
    private static String body(String route) {
        return switch (route) {
            case "PATCH /api/v1/assets/{id}", "POST /api/v1/users", "POST /api/v1/licences", "POST /api/v1/users/{id}/tokens" ->
                    "{\"no-such-field\":1}";
            case "POST /api/v1/assets/{id}/licences", "POST /api/v1/assets/{id}/delivery-urls" -> "{}";
            case "PATCH /api/v1/assets/{id}/tags/{concept}", "PATCH /api/v1/duplicates/{a}/{b}" -> "{\"status\":\"bogus\"}";
            case "PUT /api/v1/lifecycle/rules" -> "{\"rules\":[{\"id\":\"x\",\"trigger\":\"bogus\"}]}";
            case "PUT /api/v1/lifecycle/guideline", "PATCH /api/v1/assets/{id}/lifecycle" -> "{\"bogus\":1}";
            case "POST /api/v1/tags/bulk" -> "{\"concept\":\"balloon\",\"action\":\"bogus\"}";
            case "POST /api/v1/collections", "PATCH /api/v1/collections/{id}" -> "{\"name\":\"\"}";
            case "POST /api/v1/groups", "PATCH /api/v1/groups/{id}" -> "{\"name\":\"\"}";
            case "PATCH /api/v1/users/{id}" -> "{\"no-such-field\":1}";
            case "POST /api/v1/collections/{id}/assets", "POST /api/v1/collections/{id}/share-links" -> "{}";
            case "PUT /api/v1/collections/{id}/members/{userId}" -> "{\"access\":\"bogus\"}";
            case "POST /api/v1/assets/{id}/transitions" -> "{\"to\":\"bogus\"}";
            case "PATCH /api/v1/assets/{id}/workflow", "POST /api/v1/assets/{id}/comments" -> "{\"no-such-field\":1}";
            case "PATCH /api/v1/assets/{id}/faces/{number}", "PATCH /api/v1/assets/{id}/risks/{flag}" -> "{\"status\":\"bogus\"}";
            case "POST /api/v1/concepts", "PATCH /api/v1/concepts/{id}" -> "{\"labels\":{\"xx\":\"bogus\"}}";
            case "POST /api/v1/concepts/{id}/examples" -> "{\"assetIds\":[]}";
            default -> null;
        };
    }

    @Test
    void an_out_of_region_asset_is_absent_from_lists_search_totals_and_facets() throws Exception {
        String fr = outOfRegion.get(Role.CONSUMER);
        String de = inRegion.get(Role.CONSUMER);
        assertThat(client.call(fr, "GET", "/api/v1/assets?limit=200", null).body()).doesNotContain(asset);
        assertThat(client.call(de, "GET", "/api/v1/assets?limit=200", null).body()).contains(asset);
        JsonNode hidden = client.json(client.call(fr, "GET", "/api/v1/search?keywords=matrixfixture", null));
        assertThat(hidden.path("total").asLong()).isEqualTo(1);
        assertThat(hidden.path("hits").toString()).doesNotContain(asset);
        assertThat(hidden.path("facets").path("keywords").toString()).contains("\"count\":1").doesNotContain("\"count\":2");
        JsonNode seen = client.json(client.call(de, "GET", "/api/v1/search?keywords=matrixfixture", null));
        assertThat(seen.path("total").asLong()).isEqualTo(2);
        assertThat(seen.path("hits").toString()).contains(asset);
    }

    @Test
    void an_asset_outside_her_collections_is_absent_from_lists_search_totals_and_facets() throws Exception {
        String out = outOfCollection.get(Role.CONSUMER);
        String in = inCollection.get(Role.CONSUMER);
        assertThat(client.call(out, "GET", "/api/v1/assets?limit=200", null).body()).doesNotContain(asset).doesNotContain(openAsset);
        assertThat(client.call(in, "GET", "/api/v1/assets?limit=200", null).body()).contains(asset).doesNotContain(openAsset);
        JsonNode none = client.json(client.call(out, "GET", "/api/v1/search?keywords=matrixfixture", null));
        assertThat(none.path("total").asLong()).isZero();
        assertThat(none.path("facets").path("keywords").toString()).doesNotContain("matrixfixture");
        JsonNode mine = client.json(client.call(in, "GET", "/api/v1/search?keywords=matrixfixture", null));
        for (int i = 0; i < 100 && mine.path("total").asLong() != 1; i++) {
            Thread.sleep(100); // the collection's membership reaches the index through an Index job
            mine = client.json(client.call(in, "GET", "/api/v1/search?keywords=matrixfixture", null));
        }
        assertThat(mine.path("total").asLong()).as("the open asset is in no collection of hers").isEqualTo(1);
        assertThat(mine.path("hits").toString()).contains(asset).doesNotContain(openAsset);
        assertThat(mine.path("facets").path("keywords").toString()).contains("\"count\":1").doesNotContain("\"count\":2");
        JsonNode hidden = client.json(client.call(out, "GET", "/api/v1/assets/" + asset, null));
        JsonNode unknown = client.json(client.call(out, "GET", "/api/v1/assets/01hzzzzzzzzzzzzzzzzzzzzzzz", null));
        assertThat(hidden.path("detail").asText().replace(asset, "X"))
                .isEqualTo(unknown.path("detail").asText().replace("01hzzzzzzzzzzzzzzzzzzzzzzz", "X"));
    }

    @Test
    void an_out_of_region_asset_answers_exactly_like_an_unknown_one() throws Exception {
        String fr = outOfRegion.get(Role.LIBRARIAN);
        JsonNode hidden = client.json(client.call(fr, "GET", "/api/v1/assets/" + asset, null));
        JsonNode unknown = client.json(client.call(fr, "GET", "/api/v1/assets/01hzzzzzzzzzzzzzzzzzzzzzzz", null));
        assertThat(hidden.path("detail").asText().replace(asset, "X"))
                .isEqualTo(unknown.path("detail").asText().replace("01hzzzzzzzzzzzzzzzzzzzzzzz", "X"));
        assertThat(hidden.path("type")).isEqualTo(unknown.path("type"));
    }

    @Test
    void only_an_admin_creates_users_and_bad_roles_or_regions_are_refused() throws Exception {
        HttpResponse<String> r = client.call(inRegion.get(Role.LIBRARIAN), "POST", "/api/v1/users",
                "{\"name\":\"x\",\"roles\":[\"admin\"]}");
        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(client.json(r).path("detail").asText()).contains("user.manage");
        assertThat(client.admin("POST", "/api/v1/users", "{\"name\":\"x\",\"roles\":[\"king\"]}").body()).contains("unknown role 'king'");
        assertThat(client.admin("POST", "/api/v1/users", "{\"name\":\"x\",\"roles\":[\"consumer\"],\"regions\":[\"XX\"]}").body())
                .contains("'XX' is not an ISO 3166");
        HttpResponse<String> created = client.admin("POST", "/api/v1/users", "{\"name\":\"y\",\"roles\":[\"consumer\"],\"regions\":[\"de\"],\"expiresIn\":\"P1D\"}");
        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(client.json(created).path("expiresAt").asText()).isNotBlank();
        assertThat(client.call(client.json(created).path("token").asText(), "GET", "/api/v1/assets/" + asset, null).statusCode()).isEqualTo(200);
    }

    @Test
    void a_region_edit_needs_its_own_permission() throws Exception {
        HttpResponse<String> r = client.call(inRegion.get(Role.CONTRIBUTOR), "PATCH", "/api/v1/assets/" + asset, "{\"regions\":[]}");
        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(client.json(r).path("detail").asText()).contains("asset.regions.edit");
        assertThat(client.call(inRegion.get(Role.CONTRIBUTOR), "PATCH", "/api/v1/assets/" + asset, "{\"title\":\"ok\"}").statusCode())
                .isEqualTo(200);
        assertThat(Set.of(200)).contains(client.call(inRegion.get(Role.LEGAL), "PATCH", "/api/v1/assets/" + asset,
                "{\"regions\":[\"DE\",\"AT\"]}").statusCode());
    }
}
