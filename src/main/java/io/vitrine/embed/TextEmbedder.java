package io.vitrine.embed;

import java.util.List;

/**
 * Turns text into a vector in one embedding space.
 *
 * <p>Contract: {@link #space()} names the model and version (e.g. {@code text:bge-small-en-v1.5@1}),
 * so vectors of different models never mix. Every vector has {@link #dimensions()} components and unit
 * length; the same text always gives the same vector; blank text is refused with {@link
 * IllegalArgumentException}; very long text is truncated to the model's limit, not refused.
 * {@link #embedAll} equals embedding one by one. Thread-safe.
 */
public interface TextEmbedder extends AutoCloseable {

    String space();

    int dimensions();

    float[] embed(String text);

    List<float[]> embedAll(List<String> texts);

    @Override
    void close();
}
