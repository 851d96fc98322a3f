package io.vitrine.search;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What the index knows of one asset; built from the asset at the boundary, never persisted as-is.
 * {@code tags}: words of the asset's searchable tags (accepted, or drafts at or above their
 * concept's threshold) — their labels in every language and those of their broader concepts.
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
        List<String> tags) {

    /** Without tags, as before enrichment existed. */
    public IndexDocument(String id, String filename, String mediaType, String status, long bytes, Instant createdAt,
            Instant capturedAt, String title, String description, List<String> keywords, String creator,
            String copyright, String cameraMake, String cameraModel, String text, Map<String, String> custom) {
        this(id, filename, mediaType, status, bytes, createdAt, capturedAt, title, description, keywords, creator,
                copyright, cameraMake, cameraModel, text, custom, List.of());
    }
}
