package io.vitrine.search.bench;

import io.vitrine.search.IndexDocument;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A deterministic, realistic-looking asset library for search benchmarks: Zipf-distributed subject
 * words (a few very common, a long tail), camera-style filenames, a media-type mix dominated by
 * photos, capture years skewed to recent ones, and keyword sets drawn from the same vocabulary.
 */
public final class SyntheticLibrary {
    static final String[] SUBJECTS = ("beach sunset mountain lake forest city skyline street portrait team office meeting "
            + "product bottle coffee food salad pizza dessert car bicycle train airport plane boat harbour bridge castle "
            + "church museum park garden flower tree snow winter summer autumn spring dog cat horse bird fish children "
            + "family wedding concert stage festival football tennis running yoga laptop phone desk kitchen interior "
            + "architecture facade window door night lights fireworks market shop fashion model shoes bag watch jewellery "
            + "logo poster banner brochure packaging label catalogue campaign launch event conference keynote booth").split(" ");
    static final String[] ADJECTIVES = "red blue green golden bright dark misty sunny rainy modern vintage happy calm busy aerial close".split(" ");
    static final String[] CAMERAS = {"Canon EOS R5", "Canon EOS 5D Mark IV", "Nikon Z 7II", "Nikon D850", "Sony ILCE-7M4",
        "Sony ILCE-7RM5", "FUJIFILM X-T4", "iPhone 15 Pro", "iPhone 13", "Pixel 8 Pro", "DJI Mavic 3"};
    static final String[] TYPES = {"image/jpeg", "image/jpeg", "image/jpeg", "image/jpeg", "image/jpeg", "image/png",
        "image/tiff", "image/heic", "video/mp4", "application/pdf"};

    public static final String SPACE = "bench:synthetic@1";
    private static final int CLUSTERS = 2000;

    private final double[] zipf;
    private final int dimensions;
    private final float[][] centres;

    public SyntheticLibrary() {
        this(0);
    }

    /** {@code dimensions} 0: no embeddings; otherwise clustered unit vectors, as real embeddings are. */
    public SyntheticLibrary(int dimensions) {
        this.dimensions = dimensions;
        this.centres = new float[dimensions == 0 ? 0 : CLUSTERS][];
        SplittableRandom r = new SplittableRandom(2024);
        for (int c = 0; c < centres.length; c++) {
            centres[c] = gaussianUnit(r, dimensions, null, 0);
        }
        zipf = new double[SUBJECTS.length];
        double sum = 0;
        for (int i = 0; i < SUBJECTS.length; i++) {
            sum += 1.0 / Math.pow(i + 1, 1.07);
            zipf[i] = sum;
        }
        for (int i = 0; i < zipf.length; i++) {
            zipf[i] /= sum;
        }
    }

    /** The {@code n}-th document's embedding: its cluster's centre plus noise, normalized. */
    public float[] vector(long n) {
        SplittableRandom r = new SplittableRandom(n * 0xD1B54A32D192ED03L + 11);
        return gaussianUnit(r, dimensions, centres[r.nextInt(CLUSTERS)], 0.6);
    }

    /** A query vector near a random cluster, like a text query embedded into the same space. */
    public float[] queryVector(SplittableRandom r) {
        return gaussianUnit(r, dimensions, centres[r.nextInt(CLUSTERS)], 0.8);
    }

    public int dimensions() {
        return dimensions;
    }

    private static float[] gaussianUnit(SplittableRandom r, int dims, float[] centre, double noise) {
        float[] v = new float[dims];
        double norm = 0;
        double scale = centre == null ? 1 : noise / Math.sqrt(dims);
        for (int i = 0; i < dims; i++) {
            double g = gaussian(r) * scale + (centre == null ? 0 : centre[i]);
            v[i] = (float) g;
            norm += g * g;
        }
        float inv = (float) (1 / Math.sqrt(norm));
        for (int i = 0; i < dims; i++) {
            v[i] *= inv;
        }
        return v;
    }

    private static double gaussian(SplittableRandom r) {
        double u = r.nextDouble(Double.MIN_VALUE, 1);
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * r.nextDouble());
    }

    /** The {@code n}-th document; the same {@code n} always gives the same document. */
    public IndexDocument document(long n) {
        IndexDocument d = textDocument(n);
        return dimensions == 0 ? d : d.withVectors(Map.of(SPACE, vector(n)));
    }

    private IndexDocument textDocument(long n) {
        SplittableRandom r = new SplittableRandom(n * 0x9E3779B97F4A7C15L + 7);
        String subject = subject(r);
        String second = subject(r);
        String adjective = ADJECTIVES[r.nextInt(ADJECTIVES.length)];
        String type = TYPES[r.nextInt(TYPES.length)];
        boolean photo = type.startsWith("image/");
        Instant captured = photo ? capturedAt(r) : null;
        List<String> keywords = new ArrayList<>(List.of(subject, second));
        if (r.nextInt(3) == 0) {
            keywords.add(adjective);
        }
        return new IndexDocument(String.format("bench%021d", n), filename(r, type), type, r.nextInt(50) == 0 ? "failed" : "ready",
                100_000 + r.nextInt(20_000_000), captured == null ? Instant.parse("2024-01-01T00:00:00Z") : captured.plus(3, ChronoUnit.DAYS),
                captured, capitalize(adjective) + " " + subject + " with " + second, r.nextInt(4) == 0 ? description(r, subject) : null,
                keywords, r.nextInt(5) == 0 ? "Studio " + (char) ('A' + r.nextInt(20)) : null, null,
                photo ? CAMERAS[r.nextInt(CAMERAS.length)].split(" ")[0] : null, photo ? CAMERAS[r.nextInt(CAMERAS.length)] : null,
                type.equals("application/pdf") ? description(r, subject) + " " + description(r, second) : null, Map.of());
    }

    /** A query a person might type: one to three subject words, sometimes with an adjective. */
    public String query(SplittableRandom r) {
        StringBuilder q = new StringBuilder(subject(r));
        int extra = r.nextInt(3);
        for (int i = 0; i < extra; i++) {
            q.append(' ').append(i == 0 && r.nextBoolean() ? ADJECTIVES[r.nextInt(ADJECTIVES.length)] : subject(r));
        }
        return q.toString();
    }

    String subject(SplittableRandom r) {
        double u = r.nextDouble();
        int lo = 0;
        int hi = zipf.length - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (zipf[mid] < u) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return SUBJECTS[lo];
    }

    private static Instant capturedAt(SplittableRandom r) {
        int year = 2026 - (int) Math.min(20, Math.floor(-Math.log(1 - r.nextDouble()) * 4));
        return Instant.parse(year + "-01-01T00:00:00Z").plus(r.nextInt(364), ChronoUnit.DAYS).plusSeconds(r.nextInt(86_400));
    }

    private static String filename(SplittableRandom r, String type) {
        return switch (type) {
            case "video/mp4" -> "MVI_" + r.nextInt(10_000) + ".mp4";
            case "application/pdf" -> "brochure-" + r.nextInt(1000) + ".pdf";
            case "image/png" -> "export_" + r.nextInt(100_000) + ".png";
            default -> (r.nextBoolean() ? "IMG_" : "DSC_") + r.nextInt(10_000) + ".jpg";
        };
    }

    private String description(SplittableRandom r, String subject) {
        return "A " + ADJECTIVES[r.nextInt(ADJECTIVES.length)] + " " + subject + " near the " + subject(r)
                + ", shot for the " + subject(r) + " campaign";
    }

    private static String capitalize(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
