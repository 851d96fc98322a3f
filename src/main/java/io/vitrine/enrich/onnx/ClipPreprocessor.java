package io.vitrine.enrich.onnx;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * A CLIP export's image preprocessing in plain Java: decode, resize as its config says (shorter side
 * then centre crop, longer side then centred black padding, or squash), RGB, (x/255 - mean) / std,
 * NCHW floats. Large images are halved in steps first so a 1024 px preview does not alias the way
 * one interpolation pass would.
 */
final class ClipPreprocessor {
    /** Ingest's default pixel limit (VITRINE_MAX_PIXELS); a header claiming more is refused before decoding. */
    static final long MAX_PIXELS = 200_000_000L;
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
            src = decode(file);
        } catch (RuntimeException e) {
            throw new IOException("not a decodable image: " + file.getFileName(), e);
        }
        normalise(square(src), out, offset);
    }

    /**
     * Decodes at most what the model needs: the header's size is checked first (an example image
     * uploaded for search-by-image never went through ingest's pixel limit), and a large image is
     * read with every n-th pixel so its shorter side stays at least 4× the model's input, after which
     * halving and one interpolation pass smooth it as for any image.
     */
    private BufferedImage decode(Path file) throws IOException {
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            Iterator<ImageReader> readers = in == null ? java.util.Collections.emptyIterator() : ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                throw new IOException("not a decodable image: " + file.getFileName());
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                long w = reader.getWidth(0);
                long h = reader.getHeight(0);
                if (w < 1 || h < 1 || w * h > MAX_PIXELS) {
                    throw new IOException(file.getFileName() + " has " + w + "×" + h + " pixels; at most " + MAX_PIXELS + " are read");
                }
                ImageReadParam param = reader.getDefaultReadParam();
                int step = (int) Math.max(1, Math.min(w, h) / (4L * config.imageSize()));
                param.setSourceSubsampling(step, step, 0, 0);
                return reader.read(0, param);
            } finally {
                reader.dispose();
            }
        }
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
