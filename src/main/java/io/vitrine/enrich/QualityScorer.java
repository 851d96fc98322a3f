package io.vitrine.enrich;

import java.nio.file.Path;

/** Technical quality of an image; {@code originalPixels} is the size of the original (null when unknown). */
public interface QualityScorer {
    String version();

    Quality score(Path image, Long originalPixels) throws Exception;
}
