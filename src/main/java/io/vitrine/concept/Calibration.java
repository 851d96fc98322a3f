package io.vitrine.concept;

import java.util.ArrayList;
import java.util.List;

/**
 * The prototype and acceptance radius of a few-shot concept, from its examples. The radius is the
 * lowest leave-one-out cosine of a positive to the mean of the others (how far apart the person's own
 * examples are) less a margin, never under {@link #FLOOR}; negatives push it just above the closest
 * negative while that still admits every positive. Measured on the corpus with the MobileNetV2
 * feature (post-ReLU, so cosines run high): different photos 0.36-0.66, different photos of one
 * kind of scene (castles) up to 0.82, crops and edits of one photo 0.85 and more.
 */
record Calibration(float[] prototype, double radius) {
    static final double FLOOR = 0.6;
    static final double MARGIN = 0.05;
    /** One example has no spread to learn from: only close variants of it. */
    static final double SINGLE = 0.8;

    static Calibration of(List<float[]> positives, List<float[]> negatives) {
        float[] prototype = mean(positives);
        double radius;
        if (positives.size() == 1) {
            radius = SINGLE;
        } else {
            double lowest = 1;
            for (int i = 0; i < positives.size(); i++) {
                List<float[]> others = new ArrayList<>(positives);
                others.remove(i);
                lowest = Math.min(lowest, cosine(positives.get(i), mean(others)));
            }
            radius = Math.max(FLOOR, lowest - MARGIN);
        }
        double weakestPositive = positives.stream().mapToDouble(p -> cosine(prototype, p)).min().orElse(1);
        double closestNegative = negatives.stream().mapToDouble(n -> cosine(prototype, n)).max().orElse(-1);
        if (closestNegative >= radius) {
            // keep the negatives out, but never the person's own positives
            radius = Math.min(closestNegative + 0.01, weakestPositive);
        }
        return new Calibration(prototype, Math.round(radius * 10_000) / 10_000.0);
    }

    static float[] mean(List<float[]> vectors) {
        float[] sum = new float[vectors.getFirst().length];
        for (float[] v : vectors) {
            float[] n = normalize(v.clone());
            for (int i = 0; i < sum.length; i++) {
                sum[i] += n[i];
            }
        }
        return normalize(sum);
    }

    static double cosine(float[] a, float[] b) {
        if (a.length != b.length) {
            return -1;
        }
        double dot = 0;
        double na = 0;
        double nb = 0;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] * b[i];
            na += a[i] * a[i];
            nb += b[i] * b[i];
        }
        return na == 0 || nb == 0 ? 0 : dot / Math.sqrt(na * nb);
    }

    private static float[] normalize(float[] v) {
        double n = 0;
        for (float x : v) {
            n += x * x;
        }
        float inv = n == 0 ? 0 : (float) (1 / Math.sqrt(n));
        for (int i = 0; i < v.length; i++) {
            v[i] *= inv;
        }
        return v;
    }
}
