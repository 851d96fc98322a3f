package io.vitrine.asset;

import io.vitrine.metadata.ExtractedMetadata;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Assets, their versions and renditions in the database.
 *
 * <p>Contract: methods join the caller's transaction when one is open ({@link
 * io.vitrine.db.Transactions}), else each runs in its own. {@link #find} returns soft-deleted assets
 * too (callers decide); every other finder sees live assets only. {@link #list} orders newest first
 * and its cursor is opaque; a garbled cursor raises {@link IllegalArgumentException}. Updates of an
 * unknown id change nothing. Behaviour is identical on every supported database.
 */
public interface AssetRepository {

    void insert(Asset asset);

    void insertVersion(AssetVersion version);

    Optional<Asset> find(String id);

    Optional<Asset> findLiveBySha256(String sha256);

    /** {@link #find}, without soft-deleted assets. */
    default Optional<Asset> findLive(String id) {
        return find(id).filter(a -> !a.deleted());
    }

    default Page<Asset> list(int limit, String cursor) {
        return list(limit, cursor, null, null);
    }

    /** Without a collection restriction. */
    default Page<Asset> list(int limit, String cursor, java.util.Set<String> visibleRegions) {
        return list(limit, cursor, visibleRegions, null);
    }

    /**
     * Live assets visible in {@code visibleRegions} and, unless {@code visibleCollections} is null, in one of
     * those collections: those without regions, or with at least one of
     * them; null means every asset. The filter is applied before paging, so pages stay full.
     */
    Page<Asset> list(int limit, String cursor, java.util.Set<String> visibleRegions, java.util.Set<String> visibleCollections);

    /** Replaces the markets where the asset may be seen (empty = everywhere). */
    void updateRegions(String id, java.util.Set<String> regions, Instant now);

    /** Records who uploaded the asset (expiry warnings go to her). */
    void recordOwner(String id, String ownerId);

    List<AssetVersion> versions(String assetId);

    /** Makes {@code version} current: file facts replaced, extracted data and renditions cleared. */
    void makeCurrent(AssetVersion version, String claimedType, boolean typeMismatch, AssetStatus status, String reason, Instant now);

    void updateExtracted(String id, Integer width, Integer height, ExtractedMetadata extracted, Instant now);

    void updateUserMetadata(String id, UserMetadata userMetadata, Instant now);

    void updateStatus(String id, AssetStatus status, String reason, Instant now);

    void putRendition(String assetId, Rendition rendition);

    List<Rendition> renditions(String assetId);

    void deleteRenditions(String assetId);

    void markDeleted(String id, Instant now);

    /** Undoes {@link #markDeleted}; no effect on a live asset. */
    void restore(String id, Instant now);

    /** Removes the asset's rows for good. */
    void purge(String id);

    /** Whether any asset, version or rendition row still points at this blob. */
    boolean blobInUse(String sha256);

    /** Every live asset, in batches, for rebuilding the index. */
    void forEachLive(Consumer<Asset> consumer);

    long countLive();
}
