package io.vitrine.enrich;

import java.nio.file.Path;
import java.util.List;

/**
 * Puts images and text into one embedding space (the CLIP family). Contract: {@link #space()} names
 * the model and version ({@code clip:NAME@VERSION}) so vectors of different models never mix; every
 * vector has {@link #dimensions()} components and unit length; a batch gives the same vectors as the
 * same inputs one by one; blank text is refused with {@link IllegalArgumentException}; text longer
 * than the model's context is cut, not refused; an image that cannot be decoded throws
 * {@link java.io.IOException} naming the file. Thread-safe.
 */
public interface ImageTextEmbedder extends AutoCloseable {

    /** The model's name as installed, used as the {@code model} of its tags. */
    String model();

    String modelVersion();

    default String space() {
        return "clip:" + model() + "@" + modelVersion();
    }

    int dimensions();

    /** What image·text cosines are multiplied by before a softmax over labels (CLIP's learnt temperature; 100 when unknown). */
    double logitScale();

    List<float[]> embedImages(List<Path> images) throws Exception;

    List<float[]> embedTexts(List<String> texts) throws Exception;

    @Override
    void close();
}
