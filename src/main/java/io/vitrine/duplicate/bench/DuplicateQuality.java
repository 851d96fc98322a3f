package io.vitrine.duplicate.bench;

import io.vitrine.duplicate.DuplicateClassifier;
import io.vitrine.duplicate.Fingerprint;
import io.vitrine.duplicate.ImageHashes;
import io.vitrine.duplicate.Pictures;
import io.vitrine.duplicate.Verdict;
import io.vitrine.enrich.Tagger;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Precision and recall of the near-duplicate verdicts on a {@link TransformSet}. Each item goes
 * through what the pipeline does: a 1024 px JPEG preview is made, fingerprinted with the real
 * {@link ImageHashes}, embedded with the real tagger when one is given, and every pair is put to
 * the real {@link DuplicateClassifier}. Truth: an original and its variant are that variant's
 * verdict; photos of different groups are no duplicate ({@code similar} counts as no duplicate);
 * two variants of one group are left out (their relation is not defined).
 */
public final class DuplicateQuality {
    static final int PREVIEW_SIDE = 1024;

    /** Counts per verdict and for "is a duplicate" overall. */
    public record Report(int items, int pairs, Score duplicate, Map<Verdict, Score> perVerdict, int crossCalledSimilar,
            List<String> mistakes, double lowestCropCosine, double highestDifferentCosine) {
        public String format() {
            StringBuilder b = new StringBuilder();
            b.append(String.format(Locale.ROOT, "items %d, pairs judged %d%n", items, pairs));
            b.append(String.format(Locale.ROOT, "duplicate (any verdict)  %s%n", duplicate.format()));
            perVerdict.forEach((v, s) -> b.append(String.format(Locale.ROOT, "  %-10s %s%n", v.apiName(), s.format())));
            b.append(String.format(Locale.ROOT, "different photos called similar: %d%n", crossCalledSimilar));
            if (lowestCropCosine <= 1) {
                b.append(String.format(Locale.ROOT, "embedding cosine: lowest crop %.3f, highest different photo %.3f%n",
                        lowestCropCosine, highestDifferentCosine));
            }
            mistakes.stream().limit(25).forEach(m -> b.append("  mistake: ").append(m).append('\n'));
            return b.toString();
        }
    }

    public record Score(int truePositives, int falsePositives, int falseNegatives) {
        public double precision() {
            return truePositives + falsePositives == 0 ? 1 : (double) truePositives / (truePositives + falsePositives);
        }

        public double recall() {
            return truePositives + falseNegatives == 0 ? 1 : (double) truePositives / (truePositives + falseNegatives);
        }

        public double f1() {
            double p = precision();
            double r = recall();
            return p + r == 0 ? 0 : 2 * p * r / (p + r);
        }

        String format() {
            return String.format(Locale.ROOT, "precision %.3f recall %.3f F1 %.3f (tp %d fp %d fn %d)", precision(), recall(), f1(),
                    truePositives, falsePositives, falseNegatives);
        }
    }

    private DuplicateQuality() {}

    /** {@code tagger} may be null: then the verdicts use hashes and metadata only. */
    public static Report measure(List<TransformSet.Item> items, Tagger tagger, Path work) throws Exception {
        List<Fingerprint> prints = new ArrayList<>();
        List<float[]> vectors = new ArrayList<>();
        Files.createDirectories(work);
        for (int i = 0; i < items.size(); i++) {
            TransformSet.Item item = items.get(i);
            BufferedImage full = Pictures.read(item.file());
            Path preview = TransformSet.jpeg(TransformSet.fit(full, PREVIEW_SIDE), work.resolve("preview-" + i + ".jpg"), 0.85f);
            prints.add(new Fingerprint("a" + i, sha256(item.file()), ImageHashes.of(preview), full.getWidth(), full.getHeight(),
                    item.capturedAt(), item.camera()));
            vectors.add(tagger == null ? null : tagger.analyse(List.of(preview)).getFirst().embedding());
        }
        return judge(items, prints, vectors);
    }

    private static Report judge(List<TransformSet.Item> items, List<Fingerprint> prints, List<float[]> vectors) {
        DuplicateClassifier classifier = new DuplicateClassifier();
        int[] any = new int[3];
        Map<Verdict, int[]> per = new EnumMap<>(Verdict.class);
        List<String> mistakes = new ArrayList<>();
        int pairs = 0;
        int similar = 0;
        double lowestCrop = 2;
        double highestDifferent = -2;
        for (int i = 0; i < items.size(); i++) {
            for (int j = i + 1; j < items.size(); j++) {
                Verdict truth = truth(items.get(i), items.get(j));
                boolean sameGroup = items.get(i).group().equals(items.get(j).group());
                if (sameGroup && truth == null) {
                    continue;
                }
                pairs++;
                Double cos = vectors.get(i) == null || vectors.get(j) == null ? null : cosine(vectors.get(i), vectors.get(j));
                if (cos != null && truth == Verdict.CROP) {
                    lowestCrop = Math.min(lowestCrop, cos);
                } else if (cos != null && !sameGroup) {
                    highestDifferent = Math.max(highestDifferent, cos);
                }
                Verdict got = classifier.classify(prints.get(i), prints.get(j), cos).map(DuplicateClassifier.Match::verdict).orElse(null);
                if (got == Verdict.SIMILAR) {
                    similar += sameGroup ? 0 : 1;
                    got = null;
                }
                count(any, truth != null, got != null);
                if (truth != null) {
                    per.computeIfAbsent(truth, v -> new int[3]);
                }
                if (got != null) {
                    per.computeIfAbsent(got, v -> new int[3]);
                }
                if (truth != got) {
                    mistakes.add(items.get(i).file().getFileName() + " ~ " + items.get(j).file().getFileName() + ": expected "
                            + (truth == null ? "none" : truth.apiName()) + ", got " + (got == null ? "none" : got.apiName())
                            + " " + DuplicateClassifier.evidenceOf(prints.get(i), prints.get(j), cos));
                    if (truth != null) {
                        per.get(truth)[2]++;
                    }
                    if (got != null) {
                        per.get(got)[1]++;
                    }
                } else if (truth != null) {
                    per.get(truth)[0]++;
                }
            }
        }
        Map<Verdict, Score> scores = new EnumMap<>(Verdict.class);
        per.forEach((v, c) -> scores.put(v, new Score(c[0], c[1], c[2])));
        return new Report(items.size(), pairs, new Score(any[0], any[1], any[2]), scores, similar, mistakes, lowestCrop,
                highestDifferent);
    }

    private static void count(int[] c, boolean truth, boolean got) {
        if (truth && got) {
            c[0]++;
        } else if (got) {
            c[1]++;
        } else if (truth) {
            c[2]++;
        }
    }

    private static Verdict truth(TransformSet.Item a, TransformSet.Item b) {
        if (!a.group().equals(b.group())) {
            return null;
        }
        return a.truth() == null ? b.truth() : b.truth() == null ? a.truth() : null;
    }

    static double cosine(float[] a, float[] b) {
        double dot = 0;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] * b[i];
        }
        return dot;
    }

    private static String sha256(Path file) throws IOException {
        try {
            var md = java.security.MessageDigest.getInstance("SHA-256");
            return java.util.HexFormat.of().formatHex(md.digest(Files.readAllBytes(file)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
