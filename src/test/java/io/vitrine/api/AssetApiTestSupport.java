package io.vitrine.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.vitrine.TestServer;
import java.net.http.HttpResponse;

/** Small helpers shared by the end-to-end tests. */
final class AssetApiTestSupport {
    private AssetApiTestSupport() {}

    static JsonNode settled(TestServer server, HttpResponse<String> upload) throws Exception {
        if (upload.statusCode() != 200 && upload.statusCode() != 201) {
            throw new AssertionError("upload failed: " + upload.statusCode() + " " + upload.body());
        }
        return server.awaitSettled(server.json(upload).path("id").asText());
    }
}
