package io.vitrine.enrich;

import java.util.Optional;

/**
 * The image-text model if one is installed and loads (models may be installed while the server runs),
 * else empty. Contract: a model that fails to load does not throw here; it is reported by {@link #state()}.
 */
public interface ImageTextEmbedderSource {

    Optional<ImageTextEmbedder> embedder();

    /** On/off with the model and the reason, for {@code GET /api/v1/capabilities}. */
    Capabilities.Capability state();
}
