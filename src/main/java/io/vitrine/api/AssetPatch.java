package io.vitrine.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vitrine.asset.MetadataPatch;
import io.vitrine.auth.Regions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A PATCH body: the metadata fields ({@link MetadataJson}) plus {@code regions}, the markets where
 * the asset may be seen ({@code []} or null = everywhere). {@code metadata} is null when the body
 * has no metadata field.
 */
record AssetPatch(MetadataPatch metadata, Optional<Set<String>> regions, List<String> fields) {

    static AssetPatch parse(ObjectMapper json, String body) {
        ObjectNode root = object(json, body);
        List<String> fields = new ArrayList<>();
        root.fieldNames().forEachRemaining(fields::add);
        JsonNode regions = root.remove("regions");
        Optional<Set<String>> parsed = fields.contains("regions") ? Optional.of(regions(regions)) : Optional.empty();
        MetadataPatch metadata = root.isEmpty() && parsed.isPresent() ? null : MetadataJson.parsePatch(json, root.toString());
        return new AssetPatch(metadata, parsed, List.copyOf(fields));
    }

    private static Set<String> regions(JsonNode n) {
        if (n == null || n.isNull()) {
            return Set.of();
        }
        if (!n.isArray() || n.size() > 300) {
            throw ApiException.badRequest("'regions' must be an array of ISO 3166 alpha-2 codes");
        }
        List<String> codes = new ArrayList<>();
        for (JsonNode c : n) {
            if (!c.isTextual()) {
                throw ApiException.badRequest("'regions' must be an array of ISO 3166 alpha-2 codes");
            }
            codes.add(c.asText());
        }
        try {
            return Regions.parse(codes);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(e.getMessage());
        }
    }

    private static ObjectNode object(ObjectMapper json, String body) {
        try {
            JsonNode root = json.readTree(body == null ? "" : body);
            if (root == null || !root.isObject()) {
                throw ApiException.badRequest("the body must be a JSON object");
            }
            return (ObjectNode) root;
        } catch (JsonProcessingException e) {
            throw new ApiException(400, "invalid-json", "Invalid JSON", "the body is not valid JSON: " + e.getOriginalMessage());
        }
    }
}
