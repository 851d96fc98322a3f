package io.vitrine.search;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** What the index knows of one asset; built from the asset at the boundary, never persisted as-is. */
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
        Map<String, String> custom) {}
