package io.vitrine.duplicate;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Perceptual hashes of a picture, from pixels alone: a 64-bit dHash (brightness gradient of a 9x8
 * grid), a 64-bit pHash (signs of the 8x8 lowest 2-D DCT frequencies of a 32x32 grid against their
 * median) and the pHash of the same grid turned 90, 180 and 270 degrees (a turned copy is then
 * found by comparing hashes, no re-decoding), and a 4x4 grid of mean CIELAB colours (the hashes
 * see brightness only, so a colour shift shows here). Grids are area averages, so a resized or
 * re-encoded copy lands on nearly the same values.
 */
public record ImageHashes(long dhash, long phash, long[] turned, byte[] colour) {
    /** Changes when the hashing changes: fingerprints of another version are recomputed. */
    public static final String VERSION = "hash@1";
    static final int COLOUR_GRID = 4;

    public static ImageHashes of(Path image) throws IOException {
        return of(Pictures.read(image));
    }

    public static ImageHashes of(BufferedImage image) {
        int w = image.getWidth();
        int h = image.getHeight();
        int[] rgb = image.getRGB(0, 0, w, h, null, 0, w);
        double[] luma = new double[rgb.length];
        for (int i = 0; i < rgb.length; i++) {
            int p = rgb[i];
            luma[i] = 0.299 * ((p >> 16) & 255) + 0.587 * ((p >> 8) & 255) + 0.114 * (p & 255);
        }
        double[][] grid32 = Grids.area(luma, w, h, 32, 32);
        long[] turned = new long[3];
        double[][] g = grid32;
        for (int k = 0; k < 3; k++) {
            g = Grids.turn(g);
            turned[k] = phash(g);
        }
        return new ImageHashes(dhash(Grids.area(luma, w, h, 9, 8)), phash(grid32), turned, colour(rgb, w, h));
    }

    static long dhash(double[][] grid) {
        long bits = 0;
        for (int y = 0; y < 8; y++) {
            for (int x = 0; x < 8; x++) {
                bits = (bits << 1) | (grid[y][x] < grid[y][x + 1] ? 1 : 0);
            }
        }
        return bits;
    }

    static long phash(double[][] grid32) {
        double[][] dct = Grids.dct8(grid32);
        double[] values = new double[63];
        for (int i = 1; i < 64; i++) {
            values[i - 1] = dct[i / 8][i % 8];
        }
        java.util.Arrays.sort(values);
        double median = (values[31] + values[32]) / 2; // without the DC term, which only says how bright
        long bits = 0;
        for (int i = 0; i < 64; i++) {
            bits = (bits << 1) | (dct[i / 8][i % 8] > median ? 1 : 0);
        }
        return bits;
    }

    private static byte[] colour(int[] rgb, int w, int h) {
        double[][][] channels = new double[3][][];
        for (int c = 0; c < 3; c++) {
            double[] plane = new double[rgb.length];
            int shift = 16 - 8 * c;
            for (int i = 0; i < rgb.length; i++) {
                plane[i] = (rgb[i] >> shift) & 255;
            }
            channels[c] = Grids.area(plane, w, h, COLOUR_GRID, COLOUR_GRID);
        }
        byte[] out = new byte[COLOUR_GRID * COLOUR_GRID * 3];
        for (int i = 0; i < COLOUR_GRID * COLOUR_GRID; i++) {
            double[] lab = Lab.of(channels[0][i / COLOUR_GRID][i % COLOUR_GRID], channels[1][i / COLOUR_GRID][i % COLOUR_GRID],
                    channels[2][i / COLOUR_GRID][i % COLOUR_GRID]);
            out[3 * i] = (byte) Math.round(lab[0] * 2.55);
            out[3 * i + 1] = (byte) Math.round(Math.max(-128, Math.min(127, lab[1])));
            out[3 * i + 2] = (byte) Math.round(Math.max(-128, Math.min(127, lab[2])));
        }
        return out;
    }

    /** Mean CIE76 colour difference over the grid cells (0 = same colours; about 2 is barely visible). */
    public static double colourDistance(byte[] a, byte[] b) {
        double sum = 0;
        int cells = a.length / 3;
        for (int i = 0; i < cells; i++) {
            double dl = ((a[3 * i] & 255) - (b[3 * i] & 255)) / 2.55;
            double da = a[3 * i + 1] - b[3 * i + 1];
            double db = a[3 * i + 2] - b[3 * i + 2];
            sum += Math.sqrt(dl * dl + da * da + db * db);
        }
        return sum / cells;
    }

    public static int hamming(long a, long b) {
        return Long.bitCount(a ^ b);
    }
}
