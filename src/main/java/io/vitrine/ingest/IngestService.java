package io.vitrine.ingest;

import io.vitrine.asset.Asset;
import io.vitrine.asset.AssetNotFoundException;
import io.vitrine.asset.AssetRepository;
import io.vitrine.asset.AssetStatus;
import io.vitrine.asset.AssetVersion;
import io.vitrine.asset.Ids;
import io.vitrine.asset.UserMetadata;
import io.vitrine.db.Transactions;
import io.vitrine.events.Events;
import io.vitrine.pipeline.JobQueue;
import io.vitrine.pipeline.Pipeline;
import io.vitrine.storage.BlobLocks;
import io.vitrine.storage.BlobStore;
import io.vitrine.storage.StagedBlob;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Takes a staged upload to a stored asset: checks it, decides its true type, applies the duplicate
 * policy, makes the blob durable, then records the asset and its first job in one transaction, so a
 * crash at any point leaves either nothing or a complete, queued asset.
 */
public final class IngestService {
    private final BlobStore blobs;
    private final ContentTypeDetector detector;
    private final List<ContentInspector> inspectors;
    private final AssetRepository assets;
    private final JobQueue jobs;
    private final Transactions tx;
    private final Ids ids;
    private final Clock clock;
    private final long maxBytes;
    private final BlobLocks locks;
    private final Events events;

    public IngestService(BlobStore blobs, BlobLocks locks, ContentTypeDetector detector, List<ContentInspector> inspectors,
            AssetRepository assets, JobQueue jobs, Transactions tx, Ids ids, Clock clock, long maxBytes, Events events) {
        this.blobs = blobs;
        this.locks = locks;
        this.detector = detector;
        this.inspectors = List.copyOf(inspectors);
        this.assets = assets;
        this.jobs = jobs;
        this.tx = tx;
        this.ids = ids;
        this.clock = clock;
        this.maxBytes = maxBytes;
        this.events = events;
    }

    /** Streams the bytes to staging while hashing; over the size limit it fails with nothing kept. */
    public StagedBlob stage(InputStream in) throws IOException {
        return blobs.stage(in, maxBytes);
    }

    /** The media type of staged bytes, by their content (the name only breaks ties the content leaves open). */
    public String mediaTypeOf(StagedBlob blob, String filename) throws IOException {
        return detector.detect(blob.path(), filename).mediaType();
    }

    public long maxBytes() {
        return maxBytes;
    }

    public IngestResult ingest(Upload upload) throws IOException {
        try (StagedBlob blob = upload.blob()) {
            requireContent(blob);
            // Two uploads of the same bytes at once, on any node, must not both miss each other's
            // asset; and a purge must not delete a blob this upload is about to use.
            return locks.withLock(blob.sha256(), () -> ingestUnique(upload, blob));
        }
    }

    private IngestResult ingestUnique(Upload upload, StagedBlob blob) throws IOException {
        Optional<Asset> existing = assets.findLiveBySha256(blob.sha256());
        if (existing.isPresent() && upload.policy() != DuplicatePolicy.ALLOW) {
            return onDuplicate(existing.get(), upload);
        }
        Checked checked = check(blob, upload.filename());
        blobs.commit(blob);
        return new IngestResult(create(checked, blob, upload), IngestResult.Outcome.CREATED, null);
    }

    /** Stores the upload as the newest version of an existing asset. */
    public IngestResult addVersion(String assetId, Upload upload) throws IOException {
        try (StagedBlob blob = upload.blob()) {
            requireContent(blob);
            Asset asset = assets.findLive(assetId).orElseThrow(() -> new AssetNotFoundException(assetId));
            Checked checked = check(blob, upload.filename());
            blobs.commit(blob);
            return new IngestResult(newVersion(asset, checked, blob), IngestResult.Outcome.NEW_VERSION, null);
        }
    }

    private IngestResult onDuplicate(Asset existing, Upload upload) throws IOException {
        return switch (upload.policy()) {
            case REJECT -> throw new DuplicateRejectedException(existing.id());
            case LINK, ALLOW -> new IngestResult(existing, IngestResult.Outcome.DUPLICATE, existing.id());
            case VERSION -> {
                Checked checked = check(upload.blob(), upload.filename());
                blobs.commit(upload.blob());
                yield new IngestResult(newVersion(existing, checked, upload.blob()), IngestResult.Outcome.NEW_VERSION, existing.id());
            }
        };
    }

    private static void requireContent(StagedBlob blob) {
        if (blob.bytes() == 0) {
            throw new InvalidUploadException("the file is empty (0 bytes)");
        }
    }

    private Checked check(StagedBlob blob, String rawName) throws IOException {
        String filename = Filenames.clean(rawName);
        ContentTypeDetector.Detection d = detector.detect(blob.path(), filename);
        for (ContentInspector inspector : inspectors) {
            Optional<String> unsafe = inspector.unsafeReason(blob.path(), d.mediaType());
            if (unsafe.isPresent()) {
                return new Checked(filename, d, AssetStatus.QUARANTINED, unsafe.get());
            }
        }
        return new Checked(filename, d, AssetStatus.PROCESSING, null);
    }

    private Asset create(Checked c, StagedBlob blob, Upload upload) {
        Instant now = now();
        Asset asset = new Asset(ids.next(now), c.filename(), c.detection().mediaType(), c.detection().claimedType(),
                c.detection().mismatch(), blob.bytes(), blob.sha256(), c.status(), c.reason(), null, null, null,
                upload.metadata() == null ? UserMetadata.EMPTY : upload.metadata(), 1, now, now, null, List.of());
        tx.run(() -> {
            assets.insert(asset);
            if (upload.owner() != null) {
                assets.recordOwner(asset.id(), upload.owner());
            }
            assets.insertVersion(new AssetVersion(asset.id(), 1, blob.sha256(), blob.bytes(), asset.mediaType(), asset.filename(), now));
            jobs.enqueue(asset.id(), Pipeline.first(), now);
            events.record(Events.ASSET_CREATED, asset.id(),
                    Map.of("filename", asset.filename(), "mediaType", asset.mediaType(), "status", c.status().apiName()));
            if (c.status() == AssetStatus.QUARANTINED) {
                events.record(Events.ASSET_QUARANTINED, asset.id(), Map.of("reason", String.valueOf(c.reason())));
            }
        });
        return asset;
    }

    private Asset newVersion(Asset asset, Checked c, StagedBlob blob) {
        Instant now = now();
        AssetVersion v = new AssetVersion(asset.id(), asset.version() + 1, blob.sha256(), blob.bytes(),
                c.detection().mediaType(), c.filename(), now);
        tx.run(() -> {
            assets.insertVersion(v);
            assets.makeCurrent(v, c.detection().claimedType(), c.detection().mismatch(), c.status(), c.reason(), now);
            jobs.enqueue(asset.id(), Pipeline.first(), now);
            events.record(Events.ASSET_VERSION_CREATED, asset.id(), Map.of("version", v.version(), "filename", v.filename()));
        });
        return assets.find(asset.id()).orElseThrow();
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private record Checked(String filename, ContentTypeDetector.Detection detection, AssetStatus status, String reason) {}
}
