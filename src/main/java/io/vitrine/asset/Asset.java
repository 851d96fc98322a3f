package io.vitrine.asset;

import io.vitrine.metadata.ExtractedMetadata;
import java.time.Instant;
import java.util.List;

/**
 * An asset as the domain sees it: the current version's file facts, what was extracted from it,
 * what people changed, and where it is in its life. {@code duplicateOf} is only set on responses,
 * never stored.
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
        List<Rendition> renditions) {

    public boolean deleted() {
        return deletedAt != null;
    }

    public Asset withRenditions(List<Rendition> r) {
        return new Asset(id, filename, mediaType, claimedType, typeMismatch, bytes, sha256, status, statusReason,
                width, height, extracted, userMetadata, version, createdAt, updatedAt, deletedAt, List.copyOf(r));
    }
}
