package io.vitrine.enrich.onnx;

import io.vitrine.enrich.FaceDetector;
import io.vitrine.enrich.FaceDetectorSource;
import io.vitrine.enrich.ModelException;
import io.vitrine.enrich.ModelManifest;
import io.vitrine.enrich.ModelStore;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * Opens the YuNet face detector on first use once its model is installed (one thread-safe session
 * for every worker); a model pulled while the server runs is picked up by the next asset. The
 * score threshold and NMS overlap come from the manifest's preprocessing, with YuNet's defaults.
 */
public final class OnnxFaceDetectorSource implements FaceDetectorSource, AutoCloseable {
    private final ModelStore models;
    private final String modelName;
    private final int threads;
    private final Duration timeout;
    private YuNetFaceDetector loaded;

    public OnnxFaceDetectorSource(ModelStore models, String modelName, int threads, Duration timeout) {
        this.models = models;
        this.modelName = modelName;
        this.threads = threads;
        this.timeout = timeout;
    }

    @Override
    public String modelName() {
        return modelName;
    }

    @Override
    public synchronized Optional<FaceDetector> detector() throws Exception {
        if (loaded != null) {
            return Optional.of(loaded);
        }
        Optional<ModelStore.Installed> model = models.installed(modelName);
        if (model.isEmpty()) {
            return Optional.empty();
        }
        ModelManifest m = model.get().manifest();
        Map<String, Object> pre = m.preprocessing() == null ? Map.of() : m.preprocessing();
        String onnx = m.files().stream().map(ModelManifest.ModelFile::path).filter(p -> p.endsWith(".onnx")).findFirst()
                .orElseThrow(() -> new ModelException("model " + m.name() + " lists no .onnx file"));
        loaded = new YuNetFaceDetector(m.name(), m.version(), model.get().file(onnx), number(pre, "size", 640).intValue(),
                number(pre, "scoreThreshold", 0.9).floatValue(), number(pre, "nmsIou", 0.3).floatValue(), threads, timeout);
        return Optional.of(loaded);
    }

    private static Number number(Map<String, Object> pre, String key, Number fallback) {
        return pre.get(key) instanceof Number n ? n : fallback;
    }

    @Override
    public synchronized void close() throws Exception {
        if (loaded != null) {
            loaded.close();
            loaded = null;
        }
    }
}
