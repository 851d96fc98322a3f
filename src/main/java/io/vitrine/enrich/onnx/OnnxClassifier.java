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
    static final int MAX_CLASSES = 10;
    /** Classes below 1 % are noise on a 1,000-way softmax; they are not kept as evidence. */
    static final double MIN_CLASS = 0.01;

    private final String model;
    private final String version;
    private final OrtEnvironment env;
    private final OrtSession session;
    private final String input;
    private final boolean dynamicBatch;
    private final List<String> classConcepts;
    private final boolean hasFeature;
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
            java.util.Optional<byte[]> withFeature = FeatureOutput.add(onnxFile);
            this.session = withFeature.isPresent() ? env.createSession(withFeature.get(), options)
                    : env.createSession(onnxFile.toString(), options);
            this.hasFeature = withFeature.isPresent();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot read model " + onnxFile, e);
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
        return analyse(images).stream().map(Analysis::concepts).toList();
    }

    /** The 1280-d pooled feature of MobileNetV2 (before the classifier) is the image embedding. */
    @Override
    public java.util.Optional<String> embeddingSpace() {
        return hasFeature ? java.util.Optional.of("image." + model + "@" + version) : java.util.Optional.empty();
    }

    @Override
    public List<Analysis> analyse(List<Path> images) throws Exception {
        List<Analysis> out = new ArrayList<>();
        int step = dynamicBatch ? Math.max(1, images.size()) : 1;
        for (int i = 0; i < images.size(); i += step) {
            List<Path> batch = images.subList(i, Math.min(images.size(), i + step));
            for (Raw raw : infer(batch)) {
                out.add(new Analysis(concepts(raw.probabilities()), raw.feature(), topClasses(raw.probabilities())));
            }
        }
        return out;
    }

    /** Softmax class probabilities and the L2-normalised feature (null when the graph has none) of one image. */
    record Raw(float[] probabilities, float[] feature) {}

    List<Raw> infer(List<Path> batch) throws Exception {
        int size = pre.crop();
        int per = 3 * size * size;
        float[] data = new float[per * batch.size()];
        for (int i = 0; i < batch.size(); i++) {
            pre.load(batch.get(i), data, i * per);
        }
        return infer(data, batch.size());
    }

    List<Raw> infer(float[] data, int n) throws OrtException {
        int size = pre.crop();
        long[] shape = {n, 3, size, size};
        try (OnnxTensor t = OnnxTensor.createTensor(env, FloatBuffer.wrap(data), shape);
                OrtSession.Result r = session.run(Map.of(input, t))) {
            float[][] logits = (float[][]) r.get(0).getValue();
            float[][] features = hasFeature ? flatten(r.get(FeatureOutput.NAME).orElseThrow().getValue(), n) : null;
            List<Raw> out = new ArrayList<>();
            for (int i = 0; i < logits.length; i++) {
                out.add(new Raw(softmax(logits[i]), features == null ? null : normalize(fold(features[i]))));
            }
            return out;
        }
    }

    /** [n, c, 1, 1] (pool output) or [n, c] to [n][c]. */
    private static float[][] flatten(Object value, int n) {
        if (value instanceof float[][] two) {
            return two;
        }
        float[][][][] four = (float[][][][]) value;
        float[][] out = new float[n][];
        for (int i = 0; i < n; i++) {
            out[i] = new float[four[i].length];
            for (int c = 0; c < four[i].length; c++) {
                out[i][c] = four[i][c][0][0];
            }
        }
        return out;
    }

    /** Lucene's HNSW codec takes at most 1024 dimensions; the search index holds this vector. */
    static final int MAX_EMBEDDING = 1024;

    /**
     * Keeps the first {@link #MAX_EMBEDDING} channels of a longer feature (MobileNetV2: 1024 of 1280).
     * Cosine over 80 % of the channels tracks the full cosine closely: on the generated transform
     * set the gap between crops (lowest 0.86) and different photos (highest 0.77) stayed as wide.
     * Summing channel pairs instead pushed every cosine up (different castles to 0.82), so it was not used.
     */
    static float[] fold(float[] v) {
        return v.length <= MAX_EMBEDDING ? v : java.util.Arrays.copyOf(v, MAX_EMBEDDING);
    }

    private static float[] normalize(float[] v) {
        double sum = 0;
        for (float x : v) {
            sum += x * x;
        }
        float inv = sum == 0 ? 0 : (float) (1 / Math.sqrt(sum));
        for (int i = 0; i < v.length; i++) {
            v[i] *= inv;
        }
        return v;
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

    /** The {@value #MAX_CLASSES} most probable classes of at least {@value #MIN_CLASS}, most probable first. */
    static List<io.vitrine.enrich.ClassScore> topClasses(float[] probs) {
        List<io.vitrine.enrich.ClassScore> out = new ArrayList<>();
        for (int c = 0; c < probs.length; c++) {
            if (probs[c] >= MIN_CLASS) {
                out.add(new io.vitrine.enrich.ClassScore(c, Math.round(probs[c] * 10_000) / 10_000.0));
            }
        }
        out.sort(java.util.Comparator.comparingDouble(io.vitrine.enrich.ClassScore::probability).reversed());
        return out.size() > MAX_CLASSES ? List.copyOf(out.subList(0, MAX_CLASSES)) : out;
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
