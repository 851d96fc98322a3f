package io.vitrine.embed.onnx;

import java.nio.FloatBuffer;

/** BGE's sentence vector: the hidden state of the first ([CLS]) token, scaled to unit length. */
final class Pooling {
    private Pooling() {}

    /**
     * {@code hidden} is the model's [1, tokens, dims] output, read in place: only token 0 is needed,
     * so the whole tensor is never copied into Java arrays.
     */
    static float[] clsNormalized(FloatBuffer hidden, int dims) {
        float[] cls = new float[dims];
        hidden.get(0, cls);
        return normalize(cls);
    }

    static float[] normalize(float[] v) {
        double sum = 0;
        for (float x : v) {
            sum += (double) x * x;
        }
        if (sum == 0) {
            throw new IllegalStateException("the model returned a zero vector");
        }
        float inv = (float) (1 / Math.sqrt(sum));
        for (int i = 0; i < v.length; i++) {
            v[i] *= inv;
        }
        return v;
    }
}
