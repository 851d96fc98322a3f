package io.vitrine.enrich.onnx;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import io.vitrine.enrich.ModelException;
import java.nio.FloatBuffer;
import java.nio.IntBuffer;
import java.nio.LongBuffer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One tower of a CLIP export and the names it was found to use: the image tower's input is its one
 * rank-4 float tensor, the text tower's the rank-2 integer tensor (INT32 in Immich exports, INT64 in
 * others) plus an attention mask when the graph asks for one; the output is the rank-2 tensor whose
 * last dimension is the embedding size. Outputs come back L2-normalised.
 */
final class ClipGraph implements AutoCloseable {
    private final String tower;
    private final OrtSession session;
    private final String input;
    private final String mask;
    private final OnnxJavaType idType;
    private final String output;
    private final boolean dynamicBatch;
    private final int dim;

    private ClipGraph(String tower, OrtSession session, String input, String mask, String output, int dim) throws OrtException {
        this.tower = tower;
        this.session = session;
        this.input = input;
        this.mask = mask;
        this.output = output;
        this.dim = dim;
        TensorInfo in = (TensorInfo) session.getInputInfo().get(input).getInfo();
        this.idType = in.type;
        this.dynamicBatch = in.getShape()[0] != 1;
    }

    static ClipGraph visual(OrtEnvironment env, Path file, int threads, ClipConfig config) throws OrtException {
        OrtSession s = open(env, file, threads, "visual");
        try {
            String in = find(s.getInputInfo(), i -> i.type == OnnxJavaType.FLOAT && i.getShape().length == 4, "visual", "a rank-4 float image input");
            long[] shape = ((TensorInfo) s.getInputInfo().get(in).getInfo()).getShape();
            if (shape[1] > 0 && shape[1] != 3 || shape[2] > 0 && shape[2] != config.imageSize()) {
                throw new ModelException("visual/model.onnx takes " + java.util.Arrays.toString(shape) + " but config.json says image size "
                        + config.imageSize() + " (3 channels)");
            }
            return new ClipGraph("visual", s, in, null, output(s, config.embedDim(), "visual"), config.embedDim());
        } catch (RuntimeException | OrtException e) {
            s.close();
            throw e;
        }
    }

    static ClipGraph textual(OrtEnvironment env, Path file, int threads, ClipConfig config) throws OrtException {
        OrtSession s = open(env, file, threads, "textual");
        try {
            Map<String, NodeInfo> ins = s.getInputInfo();
            String mask = ins.keySet().stream().filter(n -> n.toLowerCase(java.util.Locale.ROOT).contains("mask")).findFirst().orElse(null);
            Map<String, NodeInfo> ids = new HashMap<>(ins);
            if (mask != null) {
                ids.remove(mask);
            }
            String in = find(ids, i -> (i.type == OnnxJavaType.INT64 || i.type == OnnxJavaType.INT32) && i.getShape().length == 2,
                    "textual", "a rank-2 integer token input");
            return new ClipGraph("textual", s, in, mask, output(s, config.embedDim(), "textual"), config.embedDim());
        } catch (RuntimeException | OrtException e) {
            s.close();
            throw e;
        }
    }

    private static OrtSession open(OrtEnvironment env, Path file, int threads, String tower) {
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            options.setIntraOpNumThreads(Math.max(1, threads));
            options.setInterOpNumThreads(1);
            options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
            return env.createSession(file.toString(), options);
        } catch (OrtException e) {
            throw new ModelException(tower + "/model.onnx is not a loadable ONNX graph: " + e.getMessage(), e);
        }
    }

    private static String find(Map<String, NodeInfo> infos, java.util.function.Predicate<TensorInfo> test, String tower, String what) {
        return infos.entrySet().stream().filter(e -> e.getValue().getInfo() instanceof TensorInfo t && test.test(t))
                .map(Map.Entry::getKey).findFirst()
                .orElseThrow(() -> new ModelException(tower + "/model.onnx has no " + what + "; its inputs: " + infos.keySet()));
    }

    /** The output of exactly the embedding size, else one whose size the graph leaves open (checked at run time). */
    private static String output(OrtSession s, int dim, String tower) throws OrtException {
        Map<String, NodeInfo> outs = s.getOutputInfo();
        boolean exact = outs.values().stream().anyMatch(i -> i.getInfo() instanceof TensorInfo t && t.getShape().length == 2 && t.getShape()[1] == dim);
        return find(outs, t -> t.type == OnnxJavaType.FLOAT && t.getShape().length == 2
                && (exact ? t.getShape()[1] == dim : t.getShape()[1] < 0), tower,
                "rank-2 float output of the embedding size " + dim + " (config embed_dim)");
    }

    String input() {
        return input;
    }

    boolean dynamicBatch() {
        return dynamicBatch;
    }

    List<float[]> runText(List<ClipTokenizer.Tokens> tokens, int context, Duration timeout) throws OrtException {
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        long[] shape = {tokens.size(), context};
        Map<String, OnnxTensor> inputs = new HashMap<>();
        try {
            inputs.put(input, ids(env, tokens, ClipTokenizer.Tokens::ids, shape));
            if (mask != null) {
                inputs.put(mask, ids(env, tokens, ClipTokenizer.Tokens::mask, shape));
            }
            return run(inputs, tokens.size(), timeout);
        } finally {
            inputs.values().forEach(OnnxTensor::close);
        }
    }

    private OnnxTensor ids(OrtEnvironment env, List<ClipTokenizer.Tokens> tokens, java.util.function.Function<ClipTokenizer.Tokens, long[]> part,
            long[] shape) throws OrtException {
        int context = (int) shape[1];
        long[] flat = new long[tokens.size() * context];
        for (int i = 0; i < tokens.size(); i++) {
            System.arraycopy(part.apply(tokens.get(i)), 0, flat, i * context, context);
        }
        if (idType == OnnxJavaType.INT32) {
            int[] narrow = new int[flat.length];
            for (int i = 0; i < flat.length; i++) {
                narrow[i] = Math.toIntExact(flat[i]);
            }
            return OnnxTensor.createTensor(env, IntBuffer.wrap(narrow), shape);
        }
        return OnnxTensor.createTensor(env, LongBuffer.wrap(flat), shape);
    }

    List<float[]> run(Map<String, OnnxTensor> inputs, int n, Duration timeout) throws OrtException {
        try (OrtSession.Result r = BoundedRun.run(session, inputs, timeout, "CLIP " + tower + " inference")) {
            FloatBuffer b = ((OnnxTensor) r.get(output).orElseThrow()).getFloatBuffer();
            if (b.remaining() != n * dim) {
                throw new ModelException(tower + "/model.onnx returned " + b.remaining() + " values for " + n + " inputs of " + dim);
            }
            List<float[]> out = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                float[] v = new float[dim];
                b.get(v);
                out.add(normalize(v));
            }
            return out;
        }
    }

    static float[] normalize(float[] v) {
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

    @Override
    public void close() {
        try {
            session.close();
        } catch (OrtException e) {
            throw new IllegalStateException("closing the CLIP " + tower + " session failed", e);
        }
    }
}
