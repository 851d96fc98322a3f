package io.vitrine.enrich.onnx;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/**
 * ImageNet preprocessing in plain Java: decode (JPEG renditions), shorter side to {@code resize},
 * centre crop {@code crop}, RGB, (x/255 - mean) / std, NCHW floats. Downscaling halves in steps so
 * a 1024 px preview does not alias the way one bilinear pass would.
 */
final class ImagePreprocessor {
    private static final float[] MEAN = {0.485f, 0.456f, 0.406f};
    private static final float[] STD = {0.229f, 0.224f, 0.225f};

    private final int resize;
    private final int crop;

    ImagePreprocessor(int resize, int crop) {
        this.resize = resize;
        this.crop = crop;
    }

    int crop() {
        return crop;
    }

    /** Writes one image's CHW floats into {@code out} at {@code offset}. */
    void load(Path file, float[] out, int offset) throws IOException {
        BufferedImage src = ImageIO.read(file.toFile());
        if (src == null) {
            throw new IOException("not a decodable image: " + file.getFileName());
        }
        BufferedImage scaled = scaleShorterSide(src, resize);
        int x0 = (scaled.getWidth() - crop) / 2;
        int y0 = (scaled.getHeight() - crop) / 2;
        int plane = crop * crop;
        int[] rgb = scaled.getRGB(x0, y0, crop, crop, null, 0, crop);
        for (int i = 0; i < plane; i++) {
            int p = rgb[i];
            out[offset + i] = (((p >> 16) & 0xff) / 255f - MEAN[0]) / STD[0];
            out[offset + plane + i] = (((p >> 8) & 0xff) / 255f - MEAN[1]) / STD[1];
            out[offset + 2 * plane + i] = ((p & 0xff) / 255f - MEAN[2]) / STD[2];
        }
    }

    static BufferedImage scaleShorterSide(BufferedImage src, int target) {
        BufferedImage img = src;
        int shorter = Math.min(img.getWidth(), img.getHeight());
        while (shorter / 2 >= target) {
            img = draw(img, img.getWidth() / 2, img.getHeight() / 2);
            shorter = Math.min(img.getWidth(), img.getHeight());
        }
        double f = (double) target / shorter;
        return draw(img, Math.max(target, (int) Math.round(img.getWidth() * f)), Math.max(target, (int) Math.round(img.getHeight() * f)));
    }

    private static BufferedImage draw(BufferedImage src, int w, int h) {
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.drawImage(src, 0, 0, w, h, null);
        } finally {
            g.dispose();
        }
        return out;
    }
}
