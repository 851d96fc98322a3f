package io.vitrine.enrich;

import java.nio.file.Path;
import java.util.List;

/** Dominant colours of an image, largest share first; shares sum to 1. */
public interface PaletteExtractor {
    String version();

    List<PaletteColour> palette(Path image) throws Exception;
}
