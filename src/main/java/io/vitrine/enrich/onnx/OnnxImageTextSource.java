package io.vitrine.enrich.onnx;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.vitrine.enrich.Capabilities;
import io.vitrine.enrich.ImageTextEmbedder;
import io.vitrine.enrich.ImageTextEmbedderSource;
import io.vitrine.enrich.ModelStore;
import java.time.Duration;
import java.util.Comparator;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The CLIP model in use: the first installed model (by name) whose manifest says capability
 * {@code clip}, opened on first use and kept while its manifest is unchanged. A model that fails to
 * load is remembered with its reason (capabilities report it, nothing else fails) until it is
 * reinstalled; installing a model while the server runs turns CLIP on for the next asset and query.
 */
public final class OnnxImageTextSource implements ImageTextEmbedderSource, AutoCloseable {
    public static final String CAPABILITY = "clip";
    private static final Logger LOG = LoggerFactory.getLogger(OnnxImageTextSource.class);

    private final ModelStore models;
    private final int threads;
    private final Duration timeout;
    private final ObjectMapper json;
    private String key;
    private OnnxClipModel loaded;
    private String failure;

    public OnnxImageTextSource(ModelStore models, int threads, Duration timeout, ObjectMapper json) {
        this.models = models;
        this.threads = threads;
        this.timeout = timeout;
        this.json = json;
    }

    @Override
    public synchronized Optional<ImageTextEmbedder> embedder() {
        Optional<ModelStore.Installed> m = installed();
        if (m.isEmpty()) {
            unload(null);
            return Optional.empty();
        }
        var manifest = m.get().manifest();
        String k = manifest.name() + "@" + manifest.version() + "|" + manifest.files();
        if (k.equals(key)) {
            return Optional.ofNullable(loaded);
        }
        unload(k);
        try {
            loaded = new OnnxClipModel(manifest.name(), manifest.version(), m.get().dir(), threads, timeout, json);
        } catch (RuntimeException | LinkageError e) {
            failure = manifest.name() + " " + manifest.version() + " cannot be loaded: " + e.getMessage();
            LOG.warn("CLIP is off: {}", failure);
        }
        return Optional.ofNullable(loaded);
    }

    private Optional<ModelStore.Installed> installed() {
        return models.installedModels().stream().filter(i -> CAPABILITY.equals(i.manifest().capability()))
                .min(Comparator.comparing(i -> i.manifest().name()));
    }

    private void unload(String newKey) {
        if (loaded != null) {
            loaded.close();
        }
        loaded = null;
        failure = null;
        key = newKey;
    }

    @Override
    public synchronized Capabilities.Capability state() {
        Optional<ImageTextEmbedder> e = embedder();
        if (e.isPresent()) {
            return new Capabilities.Capability(CAPABILITY, true, e.get().space(),
                    "model " + e.get().model() + " installed: image and text search in one space, zero-shot tags");
        }
        if (failure != null) {
            return new Capabilities.Capability(CAPABILITY, false, null, failure);
        }
        return new Capabilities.Capability(CAPABILITY, false, null,
                "no CLIP model installed; copy an OpenCLIP/Immich export in with `vitrine models install DIR`");
    }

    @Override
    public synchronized void close() {
        unload(null);
    }
}
