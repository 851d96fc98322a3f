package io.vitrine.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vitrine.rights.Channel;
import io.vitrine.rights.Licence;
import io.vitrine.rights.NewLicence;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** Licence bodies in and out. Dates are whole UTC days ({@code end} includes its day) or instants. */
final class LicenceJson {
    private static final Set<String> FIELDS = Set.of("kind", "channels", "regions", "start", "end", "licensor",
            "attribution", "restrictions");

    private LicenceJson() {}

    record LicenceView(String id, String kind, List<String> channels, List<String> regions, Instant start, Instant end,
            String licensor, String attribution, String restrictions, Instant createdAt) {}

    static LicenceView view(Licence l) {
        return new LicenceView(l.id(), l.kind().apiName(),
                l.channels().stream().sorted().map(Channel::apiName).toList(), List.copyOf(new TreeSet<>(l.regions())),
                l.start(), l.end(), l.licensor(), l.attribution(), l.restrictions(), l.createdAt());
    }

    static NewLicence parse(ObjectMapper json, String body) {
        JsonNode root = read(json, body);
        root.fieldNames().forEachRemaining(f -> {
            if (!FIELDS.contains(f)) {
                throw ApiException.badRequest("unknown licence field '" + Deliverer.abbreviate(f) + "'; fields are " + new TreeSet<>(FIELDS));
            }
        });
        return new NewLicence(text(root, "kind"), strings(root, "channels"), strings(root, "regions"),
                date(root, "start", false), date(root, "end", true), text(root, "licensor"), text(root, "attribution"),
                text(root, "restrictions"));
    }

    static String licenceId(ObjectMapper json, String body) {
        String id = text(read(json, body), "licenceId");
        if (id == null || id.isBlank()) {
            throw ApiException.badRequest("send {\"licenceId\": \"…\"}");
        }
        return id;
    }

    static JsonNode read(ObjectMapper json, String body) {
        try {
            JsonNode root = json.readTree(body == null ? "" : body);
            if (root == null || !root.isObject()) {
                throw ApiException.badRequest("the body must be a JSON object");
            }
            return root;
        } catch (JsonProcessingException e) {
            throw new ApiException(400, "invalid-json", "Invalid JSON", "the body is not valid JSON: " + e.getOriginalMessage());
        }
    }

    static String text(JsonNode root, String field) {
        JsonNode n = root.get(field);
        if (n == null || n.isNull()) {
            return null;
        }
        if (!n.isTextual()) {
            throw ApiException.badRequest("'" + field + "' must be a string");
        }
        return n.asText();
    }

    static List<String> strings(JsonNode root, String field) {
        JsonNode n = root.get(field);
        if (n == null || n.isNull()) {
            return List.of();
        }
        if (!n.isArray() || n.size() > 300) {
            throw ApiException.badRequest("'" + field + "' must be an array of strings");
        }
        List<String> out = new ArrayList<>();
        n.forEach(v -> {
            if (!v.isTextual()) {
                throw ApiException.badRequest("'" + field + "' must be an array of strings");
            }
            out.add(v.asText());
        });
        return out;
    }

    static Instant date(JsonNode root, String field, boolean endOfDay) {
        String v = text(root, field);
        if (v == null || v.isBlank()) {
            return null;
        }
        try {
            if (v.length() == 10) {
                LocalDate d = LocalDate.parse(v);
                return endOfDay ? d.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC).minusNanos(1000)
                        : d.atStartOfDay().toInstant(ZoneOffset.UTC);
            }
            return Instant.parse(v);
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest("'" + field + "' must be a date (2025-12-31) or an instant (2025-12-31T23:59:59Z)");
        }
    }
}
