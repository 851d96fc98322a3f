package io.vitrine.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vitrine.asset.MetadataPatch;
import io.vitrine.asset.UserMetadata;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Parses what people send about an asset (upload metadata part, PATCH body) with precise errors:
 * known fields only, strings where strings belong, bounded sizes.
 */
final class MetadataJson {
    private static final Set<String> FIELDS = Set.of("title", "description", "keywords", "creator", "copyright", "custom");
    private static final int MAX_TEXT = 10_000;
    private static final int MAX_KEYWORDS = 500;

    private MetadataJson() {}

    static UserMetadata parseUpload(ObjectMapper json, String body) {
        return parsePatch(json, body).applyTo(UserMetadata.EMPTY);
    }

    static MetadataPatch parsePatch(ObjectMapper json, String body) {
        JsonNode root = readObject(json, body);
        Set<String> present = new HashSet<>();
        for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (!FIELDS.contains(name)) {
                throw ApiException.badRequest("unknown metadata field '" + name + "'; editable fields are " + FIELDS);
            }
            present.add(name);
        }
        return new MetadataPatch(text(root, "title"), text(root, "description"), keywords(root), text(root, "creator"),
                text(root, "copyright"), custom(root), Set.copyOf(present));
    }

    private static JsonNode readObject(ObjectMapper json, String body) {
        try {
            JsonNode root = json.readTree(body == null ? "" : body);
            if (root == null || !root.isObject()) {
                throw ApiException.badRequest("metadata must be a JSON object");
            }
            return root;
        } catch (JsonProcessingException e) {
            throw new ApiException(400, "invalid-json", "Invalid JSON", "metadata is not valid JSON: " + e.getOriginalMessage());
        }
    }

    private static Optional<String> text(JsonNode root, String field) {
        JsonNode n = root.get(field);
        if (n == null || n.isNull()) {
            return Optional.empty();
        }
        if (!n.isTextual()) {
            throw ApiException.badRequest("'" + field + "' must be a string or null");
        }
        if (n.asText().length() > MAX_TEXT) {
            throw ApiException.badRequest("'" + field + "' is longer than " + MAX_TEXT + " characters");
        }
        return Optional.of(n.asText().strip());
    }

    private static Optional<List<String>> keywords(JsonNode root) {
        JsonNode n = root.get("keywords");
        if (n == null || n.isNull()) {
            return Optional.empty();
        }
        if (!n.isArray() || n.size() > MAX_KEYWORDS) {
            throw ApiException.badRequest("'keywords' must be an array of at most " + MAX_KEYWORDS + " strings");
        }
        List<String> out = new ArrayList<>();
        for (JsonNode k : n) {
            if (!k.isTextual() || k.asText().isBlank() || k.asText().length() > 200) {
                throw ApiException.badRequest("each keyword must be a non-empty string of at most 200 characters");
            }
            if (!out.contains(k.asText().strip())) {
                out.add(k.asText().strip());
            }
        }
        return Optional.of(out);
    }

    private static Map<String, String> custom(JsonNode root) {
        JsonNode n = root.get("custom");
        if (n == null || n.isNull()) {
            return Map.of();
        }
        if (!n.isObject() || n.size() > 200) {
            throw ApiException.badRequest("'custom' must be an object of at most 200 string fields");
        }
        Map<String, String> out = new HashMap<>();
        n.fields().forEachRemaining(e -> {
            JsonNode v = e.getValue();
            if (!v.isNull() && (!v.isTextual() || v.asText().length() > MAX_TEXT) || e.getKey().length() > 100) {
                throw ApiException.badRequest("custom field '" + e.getKey() + "' must be a string (or null to remove)");
            }
            out.put(e.getKey(), v.isNull() ? null : v.asText());
        });
        return out;
    }
}
