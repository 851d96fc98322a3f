package io.vitrine.duplicate;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Fingerprints and found pairs. Contract: a pair is stored once per unordered pair of assets;
 * {@link #savePair} inserts a new pair as open, replaces an open pair's verdict and evidence, and
 * never touches a decided one; lists show only pairs whose two assets are live and visible.
 */
public interface DuplicateRepository {

    /** What the stored fingerprint was computed from ("sourceSha256 version"), if any. */
    Optional<String> fingerprintSource(String assetId);

    void putFingerprint(Fingerprint f, String source, Instant at);

    List<Fingerprint> fingerprints(Collection<String> assetIds);

    /**
     * Fingerprints (other than {@code exceptId}) whose pHash is within Hamming distance 7 of any of
     * {@code phashes}, or whose content hash is {@code contentSha256}: an indexed lookup, at most {@code limit}.
     */
    List<Fingerprint> near(Collection<Long> phashes, String contentSha256, String exceptId, int limit);

    void savePair(String a, String b, Verdict verdict, String evidence, Instant at);

    /** Removes the pair if it is still open (a re-scan no longer finds it); decided pairs stay. */
    void dropOpenPair(String a, String b);

    /** Pairs of one asset whose other asset is live and in {@code visibleRegions} (null: all). */
    List<DuplicatePair> pairsOf(String assetId, Set<String> visibleRegions);

    /** The review list, oldest first by pair key; {@code verdict}/{@code status} null = any. */
    Page review(Verdict verdict, DuplicatePair.Status status, Set<String> visibleRegions, int limit, String cursor);

    record Page(List<DuplicatePair> items, String nextCursor) {}

    Optional<DuplicatePair> pair(String a, String b);

    void decide(String a, String b, DuplicatePair.Status status, String by, Instant at);

    /** Live asset ids after {@code afterId} (null: from the start), in id order, for the library scan. */
    List<String> liveAssetIds(String afterId, int limit);
}
