package io.vitrine.enrich.onnx;

import io.vitrine.enrich.ModelStore;
import io.vitrine.enrich.Tagger;
import io.vitrine.enrich.TaggerSource;
import io.vitrine.enrich.Vocabulary;
import java.util.Optional;

/**
 * Opens the classifier on first use once its model is installed, and keeps that one session for
 * every worker thread (ONNX Runtime sessions are thread-safe). A model pulled while the server runs
 * is picked up by the next asset.
 */
public final class OnnxTaggerSource implements TaggerSource, AutoCloseable {
    private final ModelStore models;
    private final String modelName;
    private final int threads;
    private OnnxClassifier loaded;

    public OnnxTaggerSource(ModelStore models, String modelName, int threads) {
        this.models = models;
        this.modelName = modelName;
        this.threads = threads;
    }

    @Override
    public String modelName() {
        return modelName;
    }

    @Override
    public synchronized Optional<Tagger> tagger() throws Exception {
        if (loaded != null) {
            return Optional.of(loaded);
        }
        Optional<ModelStore.Installed> model = models.installed(modelName);
        if (model.isEmpty()) {
            return Optional.empty();
        }
        var m = model.get().manifest();
        Object classMap = m.preprocessing() == null ? null : m.preprocessing().getOrDefault("classMap", "imagenet-1k");
        loaded = new OnnxClassifier(m.name(), m.version(), model.get().file(onnxFile(m)),
                Vocabulary.classMap(String.valueOf(classMap == null ? "imagenet-1k" : classMap)), threads);
        return Optional.of(loaded);
    }

    private static String onnxFile(io.vitrine.enrich.ModelManifest m) {
        return m.files().stream().map(f -> f.path()).filter(p -> p.endsWith(".onnx")).findFirst()
                .orElseThrow(() -> new io.vitrine.enrich.ModelException("model " + m.name() + " lists no .onnx file"));
    }

    @Override
    public synchronized void close() throws Exception {
        if (loaded != null) {
            loaded.close();
            loaded = null;
        }
    }

}
