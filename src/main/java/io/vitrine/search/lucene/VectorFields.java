package io.vitrine.search.lucene;

import io.vitrine.search.InvalidQueryException;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.KnnByteVectorField;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.util.VectorUtil;

/**
 * Embeddings as int8 vectors: one Lucene field per embedding space, each vector scaled on its own
 * so its largest component is ±127, compared by cosine (which ignores that per-vector scale). That
 * keeps a 512-d vector at 512 bytes on disk plus its graph links, instead of 2 KiB of floats.
 */
final class VectorFields {
    static final String PREFIX = "vec.";
    static final String NORM_PREFIX = "vecnorm.";
    static final int MAX_DIMENSIONS = 4096;
    private static final Pattern SPACE = Pattern.compile("[a-z0-9][a-z0-9._:@-]{0,127}");

    private VectorFields() {}

    static String field(String space) {
        String s = space == null ? "" : space.toLowerCase(Locale.ROOT);
        if (!SPACE.matcher(s).matches()) {
            throw new InvalidQueryException("invalid embedding space '" + abbreviate(space) + "'");
        }
        return PREFIX + s;
    }

    static void addTo(Document doc, Map<String, float[]> vectors) {
        vectors.forEach((space, values) -> {
            byte[] v = quantize(values);
            doc.add(new KnnByteVectorField(field(space), v, VectorSimilarityFunction.COSINE));
            doc.add(new NumericDocValuesField(normField(field(space)), squaredNorm(v)));
        });
    }

    /**
     * The doc-values field that keeps a vector field's squared norms, so an exact search computes one
     * dot product per document instead of Lucene's cosine (dot product and both norms), see
     * {@link SelectiveKnnQuery}. About 3 bytes per vector. Null for a field that is not an embedding space's.
     */
    static String normField(String vectorField) {
        return vectorField.startsWith(PREFIX) ? NORM_PREFIX + vectorField.substring(PREFIX.length()) : null;
    }

    static long squaredNorm(byte[] v) {
        return VectorUtil.dotProduct(v, v);
    }

    /** Cosine is scale-free, so each vector may use the whole int8 range. */
    static byte[] quantize(float[] values) {
        if (values == null || values.length == 0 || values.length > MAX_DIMENSIONS) {
            throw new IllegalArgumentException("a vector needs 1.." + MAX_DIMENSIONS + " dimensions");
        }
        float max = 0;
        for (float v : values) {
            if (!Float.isFinite(v)) {
                throw new IllegalArgumentException("vector components must be finite numbers");
            }
            max = Math.max(max, Math.abs(v));
        }
        if (max == 0) {
            throw new IllegalArgumentException("a zero vector has no direction to compare");
        }
        byte[] out = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = (byte) Math.round(values[i] / max * 127f);
        }
        return out;
    }

    private static String abbreviate(String s) {
        return s == null ? "null" : s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }
}
