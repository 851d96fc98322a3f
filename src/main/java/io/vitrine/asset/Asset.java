package io.vitrine.asset;

import io.vitrine.metadata.ExtractedMetadata;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * An asset as the domain sees it: the current version's file facts, what was extracted from it,
 * what people changed, and where it is in its life. {@code duplicateOf} is only set on responses,
 * never stored. {@code regions} are the markets (ISO 3166 alpha-2) where it may be seen; empty means
 * everywhere.
 */
public record Asset(
        String id,
        String filename,
        String mediaType,
        String claimedType,
        boolean typeMismatch,
        long bytes,
        String sha256,
        AssetStatus status,
        String statusReason,
        Integer width,
        Integer height,
        ExtractedMetadata extracted,
        UserMetadata userMetadata,
        int version,
        Instant createdAt,
        Instant updatedAt,
        Instant deletedAt,
        List<Rendition> renditions,
        Set<String> regions) {

    public Asset {
        regions = regions == null ? Set.of() : Set.copyOf(regions);
    }

    /** An asset visible everywhere (no market restriction). */
    public Asset(String id, String filename, String mediaType, String claimedType, boolean typeMismatch, long bytes,
            String sha256, AssetStatus status, String statusReason, Integer width, Integer height,
            ExtractedMetadata extracted, UserMetadata userMetadata, int version, Instant createdAt, Instant updatedAt,
            Instant deletedAt, List<Rendition> renditions) {
        this(id, filename, mediaType, claimedType, typeMismatch, bytes, sha256, status, statusReason, width, height,
                extracted, userMetadata, version, createdAt, updatedAt, deletedAt, renditions, Set.of());
    }

    public boolean deleted() {
        return deletedAt != null;
    }

    public Asset withRenditions(List<Rendition> r) {
        return new Asset(id, filename, mediaType, claimedType, typeMismatch, bytes, sha256, status, statusReason,
                width, height, extracted, userMetadata, version, createdAt, updatedAt, deletedAt, List.copyOf(r), regions);
    }
}
