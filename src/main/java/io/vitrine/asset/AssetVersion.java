package io.vitrine.asset;

import java.time.Instant;

/** One stored version of an asset's original; the highest number is current. */
public record AssetVersion(String assetId, int version, String sha256, long bytes, String mediaType, String filename, Instant createdAt) {}
