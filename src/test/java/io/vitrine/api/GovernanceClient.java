package io.vitrine.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.vitrine.TestServer;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Requests as a given user, and the governance calls tests repeat. */
public final class GovernanceClient {
    private final TestServer server;

    public GovernanceClient(TestServer server) {
        this.server = server;
    }

    public HttpResponse<String> call(String token, String method, String path, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(server.uri(path)).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return server.send(b.build());
    }

    public HttpResponse<String> admin(String method, String path, String body) throws Exception {
        return call(TestServer.TOKEN, method, path, body);
    }

    /** Creates a user; returns her token. */
    public String user(String role, String... regions) throws Exception {
        String body = "{\"name\":\"" + role + " " + String.join("/", regions) + "\",\"roles\":[\"" + role + "\"],\"regions\":"
                + json(regions) + "}";
        HttpResponse<String> r = admin("POST", "/api/v1/users", body);
        if (r.statusCode() != 201) {
            throw new AssertionError("user not created: " + r.statusCode() + " " + r.body());
        }
        return server.json(r).path("token").asText();
    }

    /** A user and her token. */
    public record Created(String id, String token) {}

    /** Creates a user limited to {@code collections} (her own attribute); returns her id and token. */
    public Created userIn(String role, java.util.List<String> collections, String... regions) throws Exception {
        String body = "{\"name\":\"" + role + " in collections\",\"roles\":[\"" + role + "\"],\"regions\":" + json(regions) + "}";
        JsonNode created = json(admin("POST", "/api/v1/users", body));
        String id = created.path("id").asText();
        HttpResponse<String> r = admin("PATCH", "/api/v1/users/" + id, "{\"collections\":"
                + json(collections.toArray(String[]::new)) + "}");
        if (r.statusCode() != 200) {
            throw new AssertionError("collections not set: " + r.statusCode() + " " + r.body());
        }
        return new Created(id, created.path("token").asText());
    }

    public String licence(String body) throws Exception {
        HttpResponse<String> r = admin("POST", "/api/v1/licences", body);
        if (r.statusCode() != 201) {
            throw new AssertionError("licence not created: " + r.statusCode() + " " + r.body());
        }
        return server.json(r).path("id").asText();
    }

    public void attach(String assetId, String licenceId) throws Exception {
        HttpResponse<String> r = admin("POST", "/api/v1/assets/" + assetId + "/licences", "{\"licenceId\":\"" + licenceId + "\"}");
        if (r.statusCode() != 200) {
            throw new AssertionError("not attached: " + r.statusCode() + " " + r.body());
        }
    }

    /** Uploads a distinct JPEG as admin and waits until it is ready. */
    public String asset(int seed, String metadata) throws Exception {
        return AssetApiTestSupport.settled(server, server.upload("?onDuplicate=allow", "g" + seed + ".jpg",
                Media.jpeg(64, 48, seed), metadata)).path("id").asText();
    }

    public void restrict(String assetId, String... regions) throws Exception {
        HttpResponse<String> r = admin("PATCH", "/api/v1/assets/" + assetId, "{\"regions\":" + json(regions) + "}");
        if (r.statusCode() != 200) {
            throw new AssertionError("regions not set: " + r.statusCode() + " " + r.body());
        }
    }

    /**
     * Takes an asset through review the way people do, over the API: the admin submits it, then for
     * each open task a new user holding the task's role (in the asset's regions) approves it.
     * Returns the review after approval.
     */
    public JsonNode approve(String assetId) throws Exception {
        HttpResponse<String> r = admin("POST", "/api/v1/assets/" + assetId + "/transitions", "{\"to\":\"in_review\"}");
        if (r.statusCode() != 200) {
            throw new AssertionError("not submitted: " + r.statusCode() + " " + r.body());
        }
        JsonNode asset = json(admin("GET", "/api/v1/assets/" + assetId, null));
        String[] regions = new String[asset.path("regions").size()];
        for (int i = 0; i < regions.length; i++) {
            regions[i] = asset.path("regions").get(i).asText();
        }
        JsonNode review = json(r);
        for (JsonNode task : review.path("tasks")) {
            if (task.path("state").asText().equals("open")) {
                r = call(user(task.path("role").asText(), regions), "POST", "/api/v1/assets/" + assetId + "/transitions",
                        "{\"to\":\"approved\",\"taskId\":\"" + task.path("id").asText() + "\"}");
                if (r.statusCode() != 200) {
                    throw new AssertionError("not approved: " + r.statusCode() + " " + r.body());
                }
            }
        }
        JsonNode done = json(r);
        if (!done.path("state").asText().equals("approved")) {
            throw new AssertionError("review did not end approved: " + done);
        }
        return done;
    }

    JsonNode json(HttpResponse<String> r) throws Exception {
        return server.json(r);
    }

    private static String json(String[] values) {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < values.length; i++) {
            sb.append(i == 0 ? "" : ",").append('"').append(values[i]).append('"');
        }
        return sb.append(']').toString();
    }
}
