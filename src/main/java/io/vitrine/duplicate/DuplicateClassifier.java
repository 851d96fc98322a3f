package io.vitrine.duplicate;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Combines the signals of a pair into one verdict, or none. The thresholds are named here and were
 * chosen on the generated transform set ({@code vitrine bench duplicates}, docs/benchmarks.md):
 * re-encodes and resizes of a 1024 px preview flip at most 2 hash bits, straightened and burst
 * frames up to 18, crops move the hashes as far as unrelated photos (20 bits or more) but keep the
 * embedding close (cosine 0.86+ for a trim, 0.57-0.82 for a detail), and unrelated photos stayed at or
 * below cosine 0.77.
 */
public final class DuplicateClassifier {
    /**
     * pHash and dHash bits a re-encode or resize may flip. Measured on the 1024 px previews of the
     * transform set: re-encodes at quality 35 and 45 % resizes flip 0 pHash and at most 2 dHash bits;
     * a 3-degree straighten flips 4-18 and 3-18, a burst frame 4-14 and 2-18.
     */
    static final int COPY_PHASH = 3;
    static final int COPY_DHASH = 5;
    /** Beyond a copy but still the same picture (straightened, retouched, trimmed). */
    static final int NEAR_PHASH = 8;
    static final int NEAR_DHASH = 12;
    /** A turned copy: its pHash at the best quarter turn is this close. */
    static final int TURNED_PHASH = 6;
    /** Above this mean CIELAB difference the colours were changed (a re-encode stays below ~2). */
    static final double COLOUR_EDIT = 5.0;
    /** Aspect ratios this close (relative) are the same shape; rounding a resize stays well below. */
    static final double SAME_ASPECT = 0.02;
    /** Same picture, changed: hashes still related, or the embedding nearly identical. */
    static final int EDIT_PHASH = 18;
    static final double EDIT_COSINE = 0.90;
    /** A crop: the shape or size changed and the content is still the same. */
    static final double CROP_COSINE = 0.80;
    /** Frames of one burst: same camera, this close in time, and still alike. */
    static final Duration BURST_WINDOW = Duration.ofSeconds(10);
    static final int BURST_PHASH = 24;
    static final double BURST_COSINE = 0.75;
    /** Alike enough to show a reviewer. */
    static final double SIMILAR_COSINE = 0.85;

    public record Match(Verdict verdict, Evidence evidence) {}

    public Optional<Match> classify(Fingerprint a, Fingerprint b, Double cosine) {
        Evidence e = evidence(a, b, cosine);
        return verdict(e, a, b).map(v -> new Match(v, e));
    }

    /** The evidence of a pair, verdict or not (for benchmark reports). */
    public static Evidence evidenceOf(Fingerprint a, Fingerprint b, Double cosine) {
        return evidence(a, b, cosine);
    }

    static Evidence evidence(Fingerprint a, Fingerprint b, Double cosine) {
        int best = ImageHashes.hamming(a.hashes().phash(), b.hashes().phash());
        int turned = 0;
        for (int k = 0; k < 3; k++) {
            int d = ImageHashes.hamming(a.hashes().turned()[k], b.hashes().phash());
            if (d < best - 8) { // a turn must win clearly: symmetric pictures look alike turned
                best = d;
                turned = 90 * (k + 1);
            }
        }
        Long seconds = a.capturedAt() == null || b.capturedAt() == null ? null
                : Math.abs(Duration.between(a.capturedAt(), b.capturedAt()).toSeconds());
        Boolean sameCamera = a.camera() == null || b.camera() == null ? null : a.camera().equalsIgnoreCase(b.camera());
        return new Evidence(Objects.equals(a.contentSha256(), b.contentSha256()), best,
                ImageHashes.hamming(a.hashes().dhash(), b.hashes().dhash()), turned,
                cosine == null ? null : Math.round(cosine * 10_000) / 10_000.0,
                Math.round(ImageHashes.colourDistance(a.hashes().colour(), b.hashes().colour()) * 100) / 100.0,
                size(a), size(b), round(a.aspect()), round(b.aspect()), seconds, sameCamera);
    }

    private static Optional<Verdict> verdict(Evidence e, Fingerprint a, Fingerprint b) {
        if (e.sameContent()) {
            return Optional.of(Verdict.EXACT);
        }
        double cos = e.cosine() == null ? -1 : e.cosine();
        if (e.turned() != 0) {
            return e.phashDistance() <= TURNED_PHASH ? Optional.of(Verdict.EDIT) : Optional.empty();
        }
        if (burst(e, cos)) {
            return Optional.of(Verdict.BURST);
        }
        boolean sameAspect = sameAspect(a.aspect(), b.aspect());
        boolean sameSize = Objects.equals(a.width(), b.width()) && Objects.equals(a.height(), b.height());
        Optional<Verdict> byHashes = byHashes(e, sameAspect, sameSize);
        if (byHashes.isPresent()) {
            return byHashes;
        }
        if ((!sameAspect || !sameSize) && cos >= CROP_COSINE) {
            return Optional.of(sameAspect && e.phashDistance() <= EDIT_PHASH && e.colourDistance() > COLOUR_EDIT
                    ? Verdict.EDIT : Verdict.CROP);
        }
        if (sameAspect && (e.phashDistance() <= EDIT_PHASH || cos >= EDIT_COSINE)) {
            return Optional.of(Verdict.EDIT);
        }
        return cos >= SIMILAR_COSINE ? Optional.of(Verdict.SIMILAR) : Optional.empty();
    }

    /** Another frame: taken seconds apart (not at the same instant, as copies of one file are) by the same camera. */
    private static boolean burst(Evidence e, double cos) {
        boolean burstTime = e.secondsApart() != null && e.secondsApart() > 0
                && e.secondsApart() <= BURST_WINDOW.toSeconds() && !Boolean.FALSE.equals(e.sameCamera());
        return burstTime && (e.phashDistance() <= BURST_PHASH || cos >= BURST_COSINE);
    }

    /** Copies (a few bits apart) and near copies, from the hashes alone. */
    private static Optional<Verdict> byHashes(Evidence e, boolean sameAspect, boolean sameSize) {
        if (e.phashDistance() <= COPY_PHASH && e.dhashDistance() <= COPY_DHASH) {
            if (!sameAspect) {
                return Optional.of(Verdict.CROP);
            }
            if (e.colourDistance() > COLOUR_EDIT) {
                return Optional.of(Verdict.EDIT);
            }
            return Optional.of(sameSize ? Verdict.RE_ENCODE : Verdict.RESIZED);
        }
        if (e.phashDistance() <= NEAR_PHASH && e.dhashDistance() <= NEAR_DHASH) {
            return Optional.of(sameAspect ? Verdict.EDIT : Verdict.CROP);
        }
        return Optional.empty();
    }

    static boolean sameAspect(Double a, Double b) {
        return a == null || b == null || Math.abs(a - b) / Math.max(a, b) <= SAME_ASPECT;
    }

    private static String size(Fingerprint f) {
        return f.width() == null || f.height() == null ? null : f.width() + "x" + f.height();
    }

    private static Double round(Double v) {
        return v == null ? null : Math.round(v * 10_000) / 10_000.0;
    }
}
