package io.vitrine.api;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/** Test media: real files generated here, or taken from the shared corpus when it is present. */
final class Media {
    private Media() {}

    static Path corpus(String relative) {
        return io.vitrine.testing.TestMedia.corpus(relative);
    }

    /** A real JPEG of the given size with a gradient and a label, different per {@code seed}. */
    static byte[] jpeg(int width, int height, int seed) throws IOException {
        return encode(picture(width, height, seed), "jpg");
    }

    static byte[] png(int width, int height, int seed) throws IOException {
        return encode(picture(width, height, seed), "png");
    }

    private static BufferedImage picture(int width, int height, int seed) {
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        for (int y = 0; y < height; y++) {
            g.setColor(new Color((y * 255 / height + seed * 40) % 256, (seed * 70) % 256, 255 - y * 255 / height));
            g.drawLine(0, y, width, y);
        }
        g.setColor(Color.WHITE);
        g.drawString("vitrine " + seed, 10, height / 2);
        g.dispose();
        return img;
    }

    private static byte[] encode(BufferedImage img, String format) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(img, format, out);
        return out.toByteArray();
    }
}
