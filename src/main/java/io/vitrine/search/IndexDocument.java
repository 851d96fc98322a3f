package io.vitrine.search;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the index knows of one asset; built from the asset at the boundary, never persisted as-is.
 * {@code regions}: markets where the asset may be seen (empty = everywhere), for {@link
 * SearchQuery#visibleRegions()}.
 */
public record IndexDocument(
        String id,
        String filename,
        String mediaType,
        String status,
        long bytes,
        Instant createdAt,
        Instant capturedAt,
        String title,
        String description,
        List<String> keywords,
        String creator,
        String copyright,
        String cameraMake,
        String cameraModel,
        String text,
        Map<String, String> custom,
        Set<String> regions) {

    public IndexDocument {
        regions = regions == null ? Set.of() : Set.copyOf(regions);
    }

    /** A document visible in every region. */
    public IndexDocument(String id, String filename, String mediaType, String status, long bytes, Instant createdAt,
            Instant capturedAt, String title, String description, List<String> keywords, String creator,
            String copyright, String cameraMake, String cameraModel, String text, Map<String, String> custom) {
        this(id, filename, mediaType, status, bytes, createdAt, capturedAt, title, description, keywords, creator,
                copyright, cameraMake, cameraModel, text, custom, Set.of());
    }
}
