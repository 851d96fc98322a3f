package io.vitrine.enrich.imageio;

import io.vitrine.enrich.Quality;
import io.vitrine.enrich.QualityScorer;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/**
 * Technical quality on the preview rendition (same 1024 px scale for every asset, so scores compare):
 * sharpness from the variance of the Laplacian, exposure from clipped shadows/highlights and mean
 * brightness, noise from Immerkær's fast estimate (a Laplacian-difference mask that cancels edges),
 * resolution from the original's megapixels. Each component is 0-100; the score weighs them
 * 35/25/20/20.
 */
public final class PixelQualityScorer implements QualityScorer {

    @Override
    public String version() {
        return "pixel-quality@1";
    }

    @Override
    public Quality score(Path image, Long originalPixels) throws IOException {
        BufferedImage img = ImageIO.read(image.toFile());
        if (img == null) {
            throw new IOException("not a decodable image: " + image.getFileName());
        }
        double[][] y = luma(img);
        int sharp = sharpness(laplacianVariance(y));
        int exposure = exposure(y);
        int noise = noise(noiseSigma(y));
        long pixels = originalPixels != null ? originalPixels : (long) img.getWidth() * img.getHeight();
        int resolution = clamp(100 * Math.sqrt(pixels / 12_000_000.0));
        int score = clamp(0.35 * sharp + 0.25 * exposure + 0.2 * noise + 0.2 * resolution);
        return new Quality(score, new Quality.Components(sharp, exposure, noise, resolution));
    }

    static double[][] luma(BufferedImage img) {
        double[][] y = new double[img.getHeight()][img.getWidth()];
        for (int r = 0; r < y.length; r++) {
            for (int c = 0; c < y[r].length; c++) {
                int p = img.getRGB(c, r);
                y[r][c] = 0.299 * ((p >> 16) & 0xff) + 0.587 * ((p >> 8) & 0xff) + 0.114 * (p & 0xff);
            }
        }
        return y;
    }

    static double laplacianVariance(double[][] y) {
        double sum = 0;
        double sum2 = 0;
        long n = 0;
        for (int r = 1; r < y.length - 1; r++) {
            for (int c = 1; c < y[r].length - 1; c++) {
                double l = y[r - 1][c] + y[r + 1][c] + y[r][c - 1] + y[r][c + 1] - 4 * y[r][c];
                sum += l;
                sum2 += l * l;
                n++;
            }
        }
        if (n == 0) {
            return 0;
        }
        double mean = sum / n;
        return sum2 / n - mean * mean;
    }

    /** Variance 0 → 0, ~30 (soft) → ~47, 1,500+ (crisp) → 100, on a log scale. */
    static int sharpness(double variance) {
        return clamp(100 * Math.log1p(variance) / Math.log1p(1500));
    }

    static int exposure(double[][] y) {
        long clipped = 0;
        long n = 0;
        double sum = 0;
        for (double[] row : y) {
            for (double v : row) {
                clipped += v <= 3 || v >= 252 ? 1 : 0;
                sum += v;
                n++;
            }
        }
        double clipShare = (double) clipped / n;
        double meanOffset = Math.abs(sum / n - 118) / 118;
        return clamp(100 * (1 - Math.min(1, 3 * clipShare)) * (1 - 0.6 * Math.max(0, meanOffset - 0.25)));
    }

    /** Immerkær (1996): sigma = sqrt(pi/2) / (6 (W-2)(H-2)) * sum |I * M|. */
    static double noiseSigma(double[][] y) {
        double sum = 0;
        long n = 0;
        for (int r = 1; r < y.length - 1; r++) {
            for (int c = 1; c < y[r].length - 1; c++) {
                double m = y[r - 1][c - 1] - 2 * y[r - 1][c] + y[r - 1][c + 1]
                        - 2 * y[r][c - 1] + 4 * y[r][c] - 2 * y[r][c + 1]
                        + y[r + 1][c - 1] - 2 * y[r + 1][c] + y[r + 1][c + 1];
                sum += Math.abs(m);
                n++;
            }
        }
        return n == 0 ? 0 : Math.sqrt(Math.PI / 2) * sum / (6.0 * n);
    }

    /** sigma 0 → 100, 10 (visibly grainy) → 50, 20+ → 0. */
    static int noise(double sigma) {
        return clamp(100 * (1 - sigma / 20));
    }

    private static int clamp(double v) {
        return (int) Math.round(Math.max(0, Math.min(100, v)));
    }
}
