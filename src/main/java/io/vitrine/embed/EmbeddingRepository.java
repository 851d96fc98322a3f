package io.vitrine.embed;

import java.util.Map;
import java.util.Optional;

/**
 * Stored embeddings per asset and space. Contract: {@link #put} replaces the vector of that asset and
 * space; vectors come back bit-identical; {@code inputsHash} identifies what the vector was computed
 * from, so unchanged inputs need no new inference.
 */
public interface EmbeddingRepository {

    void put(String assetId, String space, float[] vector, String inputsHash);

    Map<String, float[]> vectors(String assetId);

    Optional<String> inputsHash(String assetId, String space);

    void delete(String assetId, String space);

    /** The inputs hash of a vector that no longer matches its asset: never a SHA-256 hex, so never "unchanged". */
    String STALE = "-".repeat(64);

    /**
     * Marks the asset's vectors in spaces starting with {@code kind} other than {@code keep} whose inputs hash is
     * not {@code inputsHash} (what the asset's inputs are now) as {@link #STALE}: they still answer queries of
     * nodes that use those spaces, and {@link #lacking} finds them again.
     */
    void markStale(String assetId, String kind, java.util.Set<String> keep, String inputsHash);

    /**
     * Up to {@code limit} live assets that have a vector in some space starting with {@code kind}
     * (e.g. {@code words.}) but none in {@code space}, or only a stale one, and no embedding job waiting:
     * the ones a newly added (or re-enabled) space still lacks.
     */
    java.util.List<String> lacking(String kind, String space, int limit);
}
