package io.vitrine.duplicate;

/** Small-grid arithmetic for the perceptual hashes: area-average downscaling, quarter turns, a 2-D DCT. */
final class Grids {
    private static final double[][] COS = cosines();

    private Grids() {}

    /** The mean of each of {@code cols x rows} equal areas of a {@code w x h} plane (fractional pixels weighted). */
    static double[][] area(double[] plane, int w, int h, int cols, int rows) {
        double[][] out = new double[rows][cols];
        double sx = (double) w / cols;
        double sy = (double) h / rows;
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                out[r][c] = cell(plane, w, c * sx, r * sy, (c + 1) * sx, (r + 1) * sy);
            }
        }
        return out;
    }

    private static double cell(double[] plane, int w, double x0, double y0, double x1, double y1) {
        double sum = 0;
        double weight = 0;
        for (int y = (int) y0; y < Math.ceil(y1); y++) {
            double wy = Math.min(y + 1, y1) - Math.max(y, y0);
            for (int x = (int) x0; x < Math.ceil(x1); x++) {
                double wxy = wy * (Math.min(x + 1, x1) - Math.max(x, x0));
                sum += plane[y * w + x] * wxy;
                weight += wxy;
            }
        }
        return weight == 0 ? 0 : sum / weight;
    }

    /** The grid turned a quarter clockwise. */
    static double[][] turn(double[][] g) {
        int n = g.length;
        double[][] out = new double[g[0].length][n];
        for (int y = 0; y < n; y++) {
            for (int x = 0; x < g[0].length; x++) {
                out[x][n - 1 - y] = g[y][x];
            }
        }
        return out;
    }

    /** The 8x8 lowest frequencies of the 2-D DCT-II of a 32x32 grid. */
    static double[][] dct8(double[][] g) {
        double[][] rows = new double[32][8];
        for (int y = 0; y < 32; y++) {
            for (int u = 0; u < 8; u++) {
                double s = 0;
                for (int x = 0; x < 32; x++) {
                    s += g[y][x] * COS[u][x];
                }
                rows[y][u] = s;
            }
        }
        double[][] out = new double[8][8];
        for (int v = 0; v < 8; v++) {
            for (int u = 0; u < 8; u++) {
                double s = 0;
                for (int y = 0; y < 32; y++) {
                    s += rows[y][u] * COS[v][y];
                }
                out[v][u] = s;
            }
        }
        return out;
    }

    private static double[][] cosines() {
        double[][] c = new double[8][32];
        for (int u = 0; u < 8; u++) {
            for (int x = 0; x < 32; x++) {
                c[u][x] = Math.cos((2 * x + 1) * u * Math.PI / 64);
            }
        }
        return c;
    }
}
