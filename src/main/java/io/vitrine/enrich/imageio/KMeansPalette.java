package io.vitrine.enrich.imageio;

import io.vitrine.enrich.PaletteColour;
import io.vitrine.enrich.PaletteExtractor;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.SplittableRandom;
import javax.imageio.ImageIO;

/**
 * Dominant colours by k-means in CIELAB on the thumbnail. Deterministic (fixed seed, k-means++
 * start) so a re-run gives the same palette; colours under 2% of the pixels are dropped.
 */
public final class KMeansPalette implements PaletteExtractor {
    private static final int K = 5;
    private static final int ITERATIONS = 12;
    private static final int MAX_SAMPLES = 8192;
    private static final double MIN_SHARE = 0.02;

    @Override
    public String version() {
        return "kmeans-lab@1";
    }

    @Override
    public List<PaletteColour> palette(Path image) throws IOException {
        BufferedImage img = ImageIO.read(image.toFile());
        if (img == null) {
            throw new IOException("not a decodable image: " + image.getFileName());
        }
        double[][] pixels = sample(img);
        double[][] centres = seed(pixels);
        int[] assign = new int[pixels.length];
        for (int it = 0; it < ITERATIONS; it++) {
            assignAll(pixels, centres, assign);
            centres = means(pixels, assign, centres);
        }
        assignAll(pixels, centres, assign);
        return colours(centres, assign);
    }

    private static double[][] sample(BufferedImage img) {
        int w = img.getWidth();
        int h = img.getHeight();
        int stride = Math.max(1, (int) Math.sqrt((double) w * h / MAX_SAMPLES));
        List<double[]> out = new ArrayList<>();
        for (int y = 0; y < h; y += stride) {
            for (int x = 0; x < w; x += stride) {
                out.add(Lab.fromRgb(img.getRGB(x, y)));
            }
        }
        return out.toArray(double[][]::new);
    }

    private static double[][] seed(double[][] pixels) {
        SplittableRandom random = new SplittableRandom(42);
        int k = Math.min(K, pixels.length);
        double[][] centres = new double[k][];
        centres[0] = pixels[random.nextInt(pixels.length)];
        double[] d = new double[pixels.length];
        for (int c = 1; c < k; c++) {
            double total = 0;
            for (int i = 0; i < pixels.length; i++) {
                d[i] = nearestDistance(pixels[i], centres, c);
                total += d[i];
            }
            double pick = random.nextDouble() * total;
            int i = 0;
            for (double acc = d[0]; acc < pick && i < pixels.length - 1; acc += d[++i]) {
                // walks to the pixel the draw landed on
            }
            centres[c] = pixels[i];
        }
        return centres;
    }

    private static double nearestDistance(double[] p, double[][] centres, int count) {
        double best = Double.MAX_VALUE;
        for (int c = 0; c < count; c++) {
            best = Math.min(best, Lab.distance2(p, centres[c]));
        }
        return best;
    }

    private static void assignAll(double[][] pixels, double[][] centres, int[] assign) {
        for (int i = 0; i < pixels.length; i++) {
            int best = 0;
            double bestD = Double.MAX_VALUE;
            for (int c = 0; c < centres.length; c++) {
                double d = Lab.distance2(pixels[i], centres[c]);
                if (d < bestD) {
                    bestD = d;
                    best = c;
                }
            }
            assign[i] = best;
        }
    }

    private static double[][] means(double[][] pixels, int[] assign, double[][] previous) {
        double[][] sum = new double[previous.length][3];
        int[] count = new int[previous.length];
        for (int i = 0; i < pixels.length; i++) {
            for (int j = 0; j < 3; j++) {
                sum[assign[i]][j] += pixels[i][j];
            }
            count[assign[i]]++;
        }
        double[][] out = new double[previous.length][];
        for (int c = 0; c < previous.length; c++) {
            out[c] = count[c] == 0 ? previous[c] : new double[] {sum[c][0] / count[c], sum[c][1] / count[c], sum[c][2] / count[c]};
        }
        return out;
    }

    private static List<PaletteColour> colours(double[][] centres, int[] assign) {
        int[] count = new int[centres.length];
        for (int a : assign) {
            count[a]++;
        }
        List<PaletteColour> out = new ArrayList<>();
        for (int c = 0; c < centres.length; c++) {
            double share = (double) count[c] / assign.length;
            if (share >= MIN_SHARE) {
                String hex = "#" + HexFormat.of().toHexDigits(Lab.toRgb(centres[c])).substring(2);
                out.add(new PaletteColour(hex, ColourNames.nearest(centres[c]), Math.round(share * 1000) / 1000.0));
            }
        }
        out.sort(Comparator.comparingDouble(PaletteColour::share).reversed());
        return out;
    }
}
