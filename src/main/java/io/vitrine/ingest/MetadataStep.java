package io.vitrine.ingest;

import io.vitrine.asset.Asset;
import io.vitrine.asset.AssetRepository;
import io.vitrine.metadata.ExtractedMetadata;
import io.vitrine.metadata.MetadataException;
import io.vitrine.metadata.MetadataExtractor;
import io.vitrine.pipeline.StepHandler;
import io.vitrine.storage.BlobStore;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The extract-metadata step. Unreadable metadata does not fail the asset (its pixels may be fine):
 * the reason is kept in {@code technical.metadataError} and ingest goes on.
 */
public final class MetadataStep implements StepHandler {
    private final AssetRepository assets;
    private final BlobStore blobs;
    private final MetadataExtractor extractor;
    private final Clock clock;

    public MetadataStep(AssetRepository assets, BlobStore blobs, MetadataExtractor extractor, Clock clock) {
        this.assets = assets;
        this.blobs = blobs;
        this.extractor = extractor;
        this.clock = clock;
    }

    @Override
    public void run(String assetId) throws Exception {
        Asset asset = assets.findLive(assetId).orElse(null);
        if (asset == null) {
            return;
        }
        ExtractedMetadata m;
        try (BlobStore.LocalFile file = blobs.localFile(asset.sha256())) {
            m = extractor.extract(file.path(), asset.mediaType());
        } catch (MetadataException e) {
            m = failed(e.getMessage());
        }
        assets.updateExtracted(assetId, m.width(), m.height(), m, clock.instant().truncatedTo(ChronoUnit.MICROS));
    }

    private static ExtractedMetadata failed(String reason) {
        Map<String, Object> technical = new LinkedHashMap<>();
        technical.put("metadataError", reason);
        ExtractedMetadata e = ExtractedMetadata.empty();
        return new ExtractedMetadata(null, null, null, e.normalized(), technical, Map.of(), null);
    }
}
