package io.vitrine.asset;

import io.vitrine.metadata.ExtractedMetadata;
import io.vitrine.metadata.NormalizedMetadata;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The normalized fields as users see them: what a person set wins over what was embedded in the
 * file, and {@code sources} says which of the two each shown value came from.
 */
public record EffectiveMetadata(
        Instant capturedAt,
        String cameraMake,
        String cameraModel,
        NormalizedMetadata.Gps gps,
        String creator,
        String copyright,
        String title,
        String description,
        List<String> keywords,
        Map<String, String> custom,
        Map<String, String> sources) {

    public static final String EMBEDDED = "embedded";
    public static final String HUMAN = "human";

    public static EffectiveMetadata of(Asset asset) {
        ExtractedMetadata x = asset.extracted();
        NormalizedMetadata e = x == null || x.normalized() == null ? NormalizedMetadata.EMPTY : x.normalized();
        UserMetadata u = asset.userMetadata() == null ? UserMetadata.EMPTY : asset.userMetadata();
        Map<String, String> sources = new LinkedHashMap<>();
        embedded(sources, "capturedAt", e.capturedAt());
        embedded(sources, "cameraMake", e.cameraMake());
        embedded(sources, "cameraModel", e.cameraModel());
        embedded(sources, "gps", e.gps());
        return new EffectiveMetadata(e.capturedAt(), e.cameraMake(), e.cameraModel(), e.gps(),
                pick(sources, "creator", u.creator(), e.creator()),
                pick(sources, "copyright", u.copyright(), e.copyright()),
                pick(sources, "title", u.title(), e.title()),
                pick(sources, "description", u.description(), e.description()),
                pick(sources, "keywords", u.keywords(), e.keywords() == null || e.keywords().isEmpty() ? null : e.keywords()),
                customWithSources(u.custom(), sources),
                Map.copyOf(sources));
    }

    private static void embedded(Map<String, String> sources, String field, Object value) {
        if (value != null) {
            sources.put(field, EMBEDDED);
        }
    }

    private static <T> T pick(Map<String, String> sources, String field, T human, T embedded) {
        if (human != null) {
            sources.put(field, HUMAN);
            return human;
        }
        embedded(sources, field, embedded);
        return embedded;
    }

    private static Map<String, String> customWithSources(Map<String, String> custom, Map<String, String> sources) {
        custom.keySet().forEach(k -> sources.put("custom." + k, HUMAN));
        return custom;
    }

    public List<String> keywordsOrEmpty() {
        return keywords == null ? List.of() : keywords;
    }
}
