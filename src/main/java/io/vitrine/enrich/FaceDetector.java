package io.vitrine.enrich;

import java.nio.file.Path;
import java.util.List;

/** Finds faces on a decoded image file (a JPEG rendition); boxes as fractions of the image, best first. */
public interface FaceDetector {
    String model();

    String modelVersion();

    List<Face.Detection> detect(Path image) throws Exception;
}
