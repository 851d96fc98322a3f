package io.vitrine.enrich.onnx;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vitrine.enrich.ImageTextEmbedder;
import io.vitrine.enrich.ModelException;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * A CLIP-family export (OpenCLIP / Immich layout: {@code visual/model.onnx}, {@code textual/model.onnx},
 * {@code textual/tokenizer.json}, {@code config.json}) as an {@link ImageTextEmbedder}. Input and output
 * names differ between exporters, so they are found from the graphs ({@link ClipGraph}). One session per
 * tower serves every thread; batches run in one call when the batch dimension is dynamic, one by one
 * when it is fixed at 1. Every run is bounded by the inference timeout.
 */
public final class OnnxClipModel implements ImageTextEmbedder {
    static final int MAX_BATCH = 16;

    private final String model;
    private final String version;
    private final ClipConfig config;
    private final ClipPreprocessor pre;
    private final ClipTokenizer tokenizer;
    private final ClipGraph visual;
    private final ClipGraph textual;
    private final Duration timeout;
    private final ReadWriteLock lock = new ReentrantReadWriteLock();
    private boolean closed;

    /** Loads the folder, or throws {@link ModelException} saying which file or key is missing or broken. */
    public OnnxClipModel(String model, String version, Path folder, int threads, Duration timeout, ObjectMapper json) {
        this.model = model;
        this.version = version;
        this.timeout = timeout;
        this.config = ClipConfig.read(folder, json);
        this.pre = new ClipPreprocessor(config);
        Path visualFile = required(folder, "visual/model.onnx");
        Path textualFile = required(folder, "textual/model.onnx");
        this.tokenizer = new ClipTokenizer(required(folder, "textual/tokenizer.json"), config.contextLength(), config.padId(), json);
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        ClipGraph v = null;
        try {
            v = ClipGraph.visual(env, visualFile, threads, config);
            this.visual = v;
            this.textual = ClipGraph.textual(env, textualFile, threads, config);
        } catch (RuntimeException | OrtException e) {
            tokenizer.close();
            if (v != null) {
                v.close();
            }
            throw e instanceof ModelException m ? m : new ModelException("CLIP model " + model + " cannot be loaded: " + e.getMessage(), e);
        }
    }

    private static Path required(Path folder, String path) {
        Path p = folder.resolve(path);
        if (!Files.isRegularFile(p)) {
            throw new ModelException("CLIP model in " + folder + " lacks " + path);
        }
        return p;
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
    public int dimensions() {
        return config.embedDim();
    }

    @Override
    public double logitScale() {
        return config.logitScale();
    }

    int contextLength() {
        return tokenizer.context();
    }

    ClipTokenizer tokenizer() {
        return tokenizer;
    }

    @Override
    public List<float[]> embedImages(List<Path> images) throws Exception {
        int size = pre.size();
        int per = 3 * size * size;
        return guarded(() -> batches(images.size(), visual.dynamicBatch(), (from, to) -> {
            float[] data = new float[per * (to - from)];
            for (int i = from; i < to; i++) {
                pre.load(images.get(i), data, (i - from) * per);
            }
            try (OnnxTensor t = OnnxTensor.createTensor(OrtEnvironment.getEnvironment(), FloatBuffer.wrap(data),
                    new long[] {to - from, 3, size, size})) {
                return visual.run(java.util.Map.of(visual.input(), t), to - from, timeout);
            }
        }));
    }

    @Override
    public List<float[]> embedTexts(List<String> texts) throws Exception {
        for (String t : texts) {
            if (t == null || t.isBlank()) {
                throw new IllegalArgumentException("blank text has no embedding");
            }
        }
        return guarded(() -> batches(texts.size(), textual.dynamicBatch(), (from, to) -> {
            List<ClipTokenizer.Tokens> tokens = new ArrayList<>();
            for (String t : texts.subList(from, to)) {
                tokens.add(tokenizer.encode(t));
            }
            return textual.runText(tokens, tokenizer.context(), timeout);
        }));
    }

    @FunctionalInterface
    private interface Batch {
        List<float[]> run(int from, int to) throws Exception;
    }

    @FunctionalInterface
    private interface Work {
        List<float[]> run() throws Exception;
    }

    private static List<float[]> batches(int n, boolean dynamic, Batch batch) throws Exception {
        int step = dynamic ? MAX_BATCH : 1;
        List<float[]> out = new ArrayList<>(n);
        for (int i = 0; i < n; i += step) {
            out.addAll(batch.run(i, Math.min(n, i + step)));
        }
        return out;
    }

    /** A read lock around every run keeps {@link #close()} from freeing native memory under it. */
    private List<float[]> guarded(Work work) throws Exception {
        lock.readLock().lock();
        try {
            if (closed) {
                throw new IllegalStateException("CLIP model " + model + " is closed");
            }
            return work.run();
        } finally {
            lock.readLock().unlock();
        }
    }

    @Override
    public void close() {
        lock.writeLock().lock();
        try {
            if (!closed) {
                closed = true;
                visual.close();
                textual.close();
                tokenizer.close();
            }
        } finally {
            lock.writeLock().unlock();
        }
    }

}
