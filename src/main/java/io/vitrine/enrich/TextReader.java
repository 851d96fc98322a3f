package io.vitrine.enrich;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Reads printed text off an image (OCR). {@link #unavailable} says why it cannot run on this node
 * (tool or language data missing), empty when it can. {@link #read} returns empty when the image
 * holds no text worth keeping (nothing legible, or a few stray marks on a photo).
 */
public interface TextReader {
    String model();

    String modelVersion();

    Optional<String> unavailable();

    Optional<Result> read(Path image) throws Exception;

    record Result(String content, String language, double confidence) {}
}
