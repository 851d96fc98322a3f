package io.vitrine.enrich;

import java.util.Optional;

/** The face detector once its model is installed; empty (faces off) until then. */
public interface FaceDetectorSource {
    String modelName();

    Optional<FaceDetector> detector() throws Exception;
}
