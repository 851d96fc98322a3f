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

    /**
     * Up to {@code limit} live assets that have a vector in some space starting with {@code kind}
     * (e.g. {@code words.}) but none in {@code space}, and no embedding job waiting: the ones a newly
     * added space still lacks.
     */
    java.util.List<String> lacking(String kind, String space, int limit);
}
