package io.vitrine.enrich.onnx;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/**
 * A CLIP export's image preprocessing in plain Java: decode, resize as its config says (shorter side
 * then centre crop, longer side then centred black padding, or squash), RGB, (x/255 - mean) / std,
 * NCHW floats. Large images are halved in steps first so a 1024 px preview does not alias the way
 * one interpolation pass would.
 */
final class ClipPreprocessor {
    private final ClipConfig config;

    ClipPreprocessor(ClipConfig config) {
        this.config = config;
    }

    int size() {
        return config.imageSize();
    }

    /** Writes one image's CHW floats into {@code out} at {@code offset}. */
    void load(Path file, float[] out, int offset) throws IOException {
        BufferedImage src;
        try {
            src = ImageIO.read(file.toFile());
        } catch (RuntimeException e) {
            throw new IOException("not a decodable image: " + file.getFileName(), e);
        }
        if (src == null) {
            throw new IOException("not a decodable image: " + file.getFileName());
        }
        normalise(square(src), out, offset);
    }

    BufferedImage square(BufferedImage src) {
        int s = config.imageSize();
        int w = src.getWidth();
        int h = src.getHeight();
        return switch (config.resizeMode()) {
            case SQUASH -> draw(halve(src, s, s), s, s, 0, 0, s, s);
            case SHORTEST -> {
                double f = (double) s / Math.min(w, h);
                int sw = Math.max(s, (int) Math.round(w * f));
                int sh = Math.max(s, (int) Math.round(h * f));
                yield draw(halve(src, sw, sh), s, s, -(sw - s) / 2, -(sh - s) / 2, sw, sh);
            }
            case LONGEST -> {
                double f = (double) s / Math.max(w, h);
                int sw = Math.max(1, (int) Math.round(w * f));
                int sh = Math.max(1, (int) Math.round(h * f));
                yield draw(halve(src, sw, sh), s, s, (s - sw) / 2, (s - sh) / 2, sw, sh);
            }
        };
    }

    private void normalise(BufferedImage img, float[] out, int offset) {
        int s = config.imageSize();
        int plane = s * s;
        int[] rgb = img.getRGB(0, 0, s, s, null, 0, s);
        float[] mean = config.mean();
        float[] std = config.std();
        for (int i = 0; i < plane; i++) {
            int p = rgb[i];
            out[offset + i] = (((p >> 16) & 0xff) / 255f - mean[0]) / std[0];
            out[offset + plane + i] = (((p >> 8) & 0xff) / 255f - mean[1]) / std[1];
            out[offset + 2 * plane + i] = ((p & 0xff) / 255f - mean[2]) / std[2];
        }
    }

    /** Halves (bilinear) while the image is at least twice the target, so the last pass stays local. */
    private BufferedImage halve(BufferedImage src, int targetW, int targetH) {
        BufferedImage img = src;
        while (img.getWidth() / 2 >= targetW && img.getHeight() / 2 >= targetH) {
            int w = img.getWidth() / 2;
            int h = img.getHeight() / 2;
            img = draw(img, w, h, 0, 0, w, h, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        }
        return img;
    }

    private BufferedImage draw(BufferedImage src, int canvasW, int canvasH, int x, int y, int w, int h) {
        Object hint = switch (config.interpolation()) {
            case BICUBIC -> RenderingHints.VALUE_INTERPOLATION_BICUBIC;
            case BILINEAR -> RenderingHints.VALUE_INTERPOLATION_BILINEAR;
            case NEAREST -> RenderingHints.VALUE_INTERPOLATION_NEAREST_NEIGHBOR;
        };
        return draw(src, canvasW, canvasH, x, y, w, h, hint);
    }

    private static BufferedImage draw(BufferedImage src, int canvasW, int canvasH, int x, int y, int w, int h, Object hint) {
        BufferedImage out = new BufferedImage(canvasW, canvasH, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        try {
            g.setColor(Color.BLACK);
            g.fillRect(0, 0, canvasW, canvasH);
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, hint);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.drawImage(src, x, y, w, h, null);
        } finally {
            g.dispose();
        }
        return out;
    }
}
