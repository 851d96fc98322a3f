package io.vitrine.enrich.imageio;

/** sRGB (D65) ⇄ CIELAB, so distances between colours follow what people see. */
final class Lab {
    private Lab() {}

    static double[] fromRgb(int rgb) {
        double r = linear(((rgb >> 16) & 0xff) / 255.0);
        double g = linear(((rgb >> 8) & 0xff) / 255.0);
        double b = linear((rgb & 0xff) / 255.0);
        double x = f((0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047);
        double y = f(0.2126 * r + 0.7152 * g + 0.0722 * b);
        double z = f((0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883);
        return new double[] {116 * y - 16, 500 * (x - y), 200 * (y - z)};
    }

    static int toRgb(double[] lab) {
        double fy = (lab[0] + 16) / 116;
        double x = 0.95047 * inverse(fy + lab[1] / 500);
        double y = inverse(fy);
        double z = 1.08883 * inverse(fy - lab[2] / 200);
        int r = channel(3.2406 * x - 1.5372 * y - 0.4986 * z);
        int g = channel(-0.9689 * x + 1.8758 * y + 0.0415 * z);
        int b = channel(0.0557 * x - 0.2040 * y + 1.0570 * z);
        return (r << 16) | (g << 8) | b;
    }

    static double distance2(double[] a, double[] b) {
        double d0 = a[0] - b[0];
        double d1 = a[1] - b[1];
        double d2 = a[2] - b[2];
        return d0 * d0 + d1 * d1 + d2 * d2;
    }

    private static double linear(double c) {
        return c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
    }

    private static double f(double t) {
        return t > 216.0 / 24389 ? Math.cbrt(t) : (24389.0 / 27 * t + 16) / 116;
    }

    private static double inverse(double t) {
        return t * t * t > 216.0 / 24389 ? t * t * t : (116 * t - 16) / (24389.0 / 27);
    }

    private static int channel(double linear) {
        double c = linear <= 0.0031308 ? 12.92 * linear : 1.055 * Math.pow(linear, 1 / 2.4) - 0.055;
        return (int) Math.round(Math.max(0, Math.min(1, c)) * 255);
    }
}
