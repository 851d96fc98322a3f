package io.vitrine.enrich;

import java.util.Optional;

/** The tagger if its model is installed (models may be pulled while the server runs), else empty. */
public interface TaggerSource {
    /** The model this source loads, named even when it is not installed or fails to load. */
    String modelName();

    Optional<Tagger> tagger() throws Exception;
}
