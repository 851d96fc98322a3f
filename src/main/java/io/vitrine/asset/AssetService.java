package io.vitrine.asset;

import io.vitrine.db.Transactions;
import io.vitrine.events.Events;
import io.vitrine.pipeline.JobQueue;
import io.vitrine.pipeline.Step;
import io.vitrine.storage.BlobLocks;
import io.vitrine.storage.BlobStore;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reading, editing and deleting assets. Deletion is soft: the asset disappears at once and its
 * files are purged by a job after the retention period.
 */
public final class AssetService {
    private final AssetRepository assets;
    private final BlobStore blobs;
    private final BlobLocks locks;
    private final JobQueue jobs;
    private final Transactions tx;
    private final Clock clock;
    private final Duration purgeAfter;
    private final Events events;

    public AssetService(AssetRepository assets, BlobStore blobs, BlobLocks locks, JobQueue jobs, Transactions tx, Clock clock, Duration purgeAfter,
            Events events) {
        this.assets = assets;
        this.blobs = blobs;
        this.locks = locks;
        this.jobs = jobs;
        this.tx = tx;
        this.clock = clock;
        this.purgeAfter = purgeAfter;
        this.events = events;
    }

    public Asset get(String id) {
        if (!Ids.looksValid(id)) {
            throw new AssetNotFoundException(id);
        }
        return assets.findLive(id).orElseThrow(() -> new AssetNotFoundException(id));
    }

    public Page<Asset> list(int limit, String cursor) {
        return assets.list(limit, cursor);
    }

    /** Live assets visible in {@code visibleRegions} (null = all), filtered in the database. */
    public Page<Asset> list(int limit, String cursor, Set<String> visibleRegions) {
        return assets.list(limit, cursor, visibleRegions, null);
    }

    /** Also limited to assets in one of {@code visibleCollections} (null = no collection restriction). */
    public Page<Asset> list(int limit, String cursor, Set<String> visibleRegions, Set<String> visibleCollections) {
        return assets.list(limit, cursor, visibleRegions, visibleCollections);
    }

    /** The asset even when soft-deleted, for access checks before a restore. */
    public java.util.Optional<Asset> findIncludingDeleted(String id) {
        return Ids.looksValid(id) ? assets.find(id) : java.util.Optional.empty();
    }

    /** Sets the markets where the asset may be seen; the index follows through an Index job. */
    public Asset updateRegions(String id, Set<String> regions) {
        get(id);
        tx.run(() -> {
            Instant now = now();
            assets.updateRegions(id, regions, now);
            jobs.enqueue(id, new Step.Index(), now);
            events.record(Events.ASSET_UPDATED, id, Map.of("changed", List.of("regions"), "regions", List.copyOf(new java.util.TreeSet<>(regions))));
        });
        return get(id);
    }

    /** Marks the asset quarantined with a reason and re-indexes it (search shows the status). */
    public void quarantine(String id, String reason) {
        tx.run(() -> {
            Instant now = now();
            assets.updateStatus(id, AssetStatus.QUARANTINED, reason, now);
            jobs.enqueue(id, new Step.Index(), now);
            events.record(Events.ASSET_QUARANTINED, id, Map.of("reason", String.valueOf(reason)));
        });
    }

    public List<AssetVersion> versions(String id) {
        get(id);
        return assets.versions(id);
    }

    /** Applies a person's edit; fields left null in {@code patch} keep their value. */
    public Asset update(String id, MetadataPatch patch) {
        Asset asset = get(id);
        UserMetadata merged = patch.applyTo(asset.userMetadata());
        tx.run(() -> {
            Instant now = now();
            assets.updateUserMetadata(id, merged, now);
            jobs.enqueue(id, new Step.Index(), now);
            events.record(Events.ASSET_UPDATED, id, Map.of("changed", List.copyOf(new java.util.TreeSet<>(patch.present()))));
        });
        return get(id);
    }

    public void delete(String id) {
        get(id);
        tx.run(() -> {
            Instant now = now();
            assets.markDeleted(id, now);
            jobs.enqueue(id, new Step.Index(), now);
            jobs.enqueue(id, new Step.Purge(), now.plus(purgeAfter));
            events.record(Events.ASSET_DELETED, id, Map.of("restorableUntil", now.plus(purgeAfter).toString()));
        });
    }

    /** Brings back a deleted asset that has not been purged yet. */
    public Asset restore(String id) {
        if (!Ids.looksValid(id)) {
            throw new AssetNotFoundException(id);
        }
        Asset asset = assets.find(id).orElseThrow(() -> new AssetNotFoundException(id));
        if (asset.deleted()) {
            tx.run(() -> {
                Instant now = now();
                assets.restore(id, now);
                jobs.enqueue(id, new Step.Index(), now);
                events.record(Events.ASSET_RESTORED, id, Map.of());
            });
        }
        return get(id);
    }

    /** The purge step: rows go, then every blob that nothing else references. */
    public void purge(String id) throws IOException {
        Asset asset = assets.find(id).orElse(null);
        // restored, or deleted again since this job was queued (a later purge job covers that)
        if (asset == null || !asset.deleted() || asset.deletedAt().plus(purgeAfter).isAfter(now())) {
            return;
        }
        Set<String> blobKeys = new HashSet<>();
        assets.versions(id).forEach(v -> blobKeys.add(v.sha256()));
        asset.renditions().forEach(r -> blobKeys.add(r.sha256()));
        blobKeys.add(asset.sha256());
        assets.purge(id);
        for (String key : blobKeys) {
            locks.withLock(key, () -> {
                if (!assets.blobInUse(key)) {
                    blobs.delete(key);
                }
                return null;
            });
        }
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
