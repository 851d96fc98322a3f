package io.vitrine.enrich.onnx;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import io.vitrine.enrich.ConceptScore;
import io.vitrine.enrich.Tagger;
import java.nio.FloatBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An ImageNet-style classifier (MobileNetV2) as a {@link Tagger}: one shared session, softmax over
 * the classes, class probabilities summed per vocabulary concept. Batches go through the model in
 * one run when its batch dimension is dynamic.
 */
public final class OnnxClassifier implements Tagger, AutoCloseable {
    static final int MAX_CONCEPTS = 10;

    private final String model;
    private final String version;
    private final OrtEnvironment env;
    private final OrtSession session;
    private final String input;
    private final boolean dynamicBatch;
    private final List<String> classConcepts;
    private final ImagePreprocessor pre = new ImagePreprocessor(256, 224);

    public OnnxClassifier(String model, String version, Path onnxFile, List<String> classConcepts, int threads) throws OrtException {
        this.model = model;
        this.version = version;
        this.classConcepts = java.util.Collections.unmodifiableList(new ArrayList<>(classConcepts)); // nulls: unmapped classes
        this.env = OrtEnvironment.getEnvironment();
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            options.setIntraOpNumThreads(threads);
            options.setInterOpNumThreads(1);
            options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
            this.session = env.createSession(onnxFile.toString(), options);
        }
        this.input = session.getInputNames().iterator().next();
        NodeInfo info = session.getInputInfo().get(input);
        long[] shape = ((TensorInfo) info.getInfo()).getShape();
        this.dynamicBatch = shape[0] < 0;
    }

    @Override
    public String model() {
        return model;
    }

    @Override
    public String modelVersion() {
        return version;
    }

    @Override
    public List<List<ConceptScore>> tag(List<Path> images) throws Exception {
        List<List<ConceptScore>> out = new ArrayList<>();
        int step = dynamicBatch ? Math.max(1, images.size()) : 1;
        for (int i = 0; i < images.size(); i += step) {
            List<Path> batch = images.subList(i, Math.min(images.size(), i + step));
            for (float[] probs : probabilities(batch)) {
                out.add(concepts(probs));
            }
        }
        return out;
    }

    /** Softmax class probabilities per image; public to the package for the benchmark's raw reference. */
    List<float[]> probabilities(List<Path> batch) throws Exception {
        int size = pre.crop();
        int per = 3 * size * size;
        float[] data = new float[per * batch.size()];
        for (int i = 0; i < batch.size(); i++) {
            pre.load(batch.get(i), data, i * per);
        }
        return infer(data, batch.size());
    }

    List<float[]> infer(float[] data, int n) throws OrtException {
        int size = pre.crop();
        long[] shape = {n, 3, size, size};
        try (OnnxTensor t = OnnxTensor.createTensor(env, FloatBuffer.wrap(data), shape);
                OrtSession.Result r = session.run(Map.of(input, t))) {
            float[][] logits = (float[][]) r.get(0).getValue();
            List<float[]> out = new ArrayList<>();
            for (float[] l : logits) {
                out.add(softmax(l));
            }
            return out;
        }
    }

    static float[] softmax(float[] logits) {
        float max = Float.NEGATIVE_INFINITY;
        for (float v : logits) {
            max = Math.max(max, v);
        }
        double sum = 0;
        float[] p = new float[logits.length];
        for (int i = 0; i < logits.length; i++) {
            p[i] = (float) Math.exp(logits[i] - max);
            sum += p[i];
        }
        for (int i = 0; i < p.length; i++) {
            p[i] /= (float) sum;
        }
        return p;
    }

    private List<ConceptScore> concepts(float[] probs) {
        Map<String, Double> byConcept = new HashMap<>();
        for (int c = 0; c < probs.length && c < classConcepts.size(); c++) {
            String concept = classConcepts.get(c);
            if (concept != null) {
                byConcept.merge(concept, (double) probs[c], Double::sum);
            }
        }
        return byConcept.entrySet().stream()
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .limit(MAX_CONCEPTS)
                .map(e -> new ConceptScore(e.getKey(), Math.min(1.0, e.getValue())))
                .toList();
    }

    @Override
    public void close() throws OrtException {
        session.close();
    }
}
