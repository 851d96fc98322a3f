package io.vitrine.metadata;

import java.time.Instant;
import java.util.List;

/** The normalized fields of the asset API (DESIGN.md §4); every field may be null. */
public record NormalizedMetadata(
        Instant capturedAt,
        String cameraMake,
        String cameraModel,
        Gps gps,
        String creator,
        String copyright,
        String title,
        String description,
        List<String> keywords) {

    public static final NormalizedMetadata EMPTY =
            new NormalizedMetadata(null, null, null, null, null, null, null, null, List.of());

    public record Gps(double latitude, double longitude, Double altitude) {}
}
