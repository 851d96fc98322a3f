package io.vitrine.duplicate.bench;

import io.vitrine.duplicate.Pictures;
import io.vitrine.duplicate.Verdict;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

/**
 * Generates the near-duplicate test set from real photos with Java2D: per source photo an original
 * (longest side {@value #ORIGINAL_SIDE} px, JPEG q90) and its variants — exact copy, re-encode at
 * quality 35, resize to 45 %, crop (a fifth off the left, a tenth off the bottom), colour shift
 * (warmer and brighter), quarter turn, a burst-like neighbour (the scene shifted and zoomed a
 * little, taken 2 s later by the same camera), and two harder ones: a detail crop (a third of the
 * frame) and a 3-degree horizon fix (turned and zoomed). Each item carries its capture time and camera as
 * the metadata would; different source photos are one hour apart.
 */
public final class TransformSet {
    static final int ORIGINAL_SIDE = 1600;
    static final String CAMERA = "Bench Camera X1";
    private static final Instant START = Instant.parse("2025-06-01T08:00:00Z");

    /** One generated file; {@code truth} is its relation to its group's original (null for the original). */
    public record Item(String group, Path file, Verdict truth, Instant capturedAt, String camera) {}

    private TransformSet() {}

    public static List<Item> generate(List<Path> sources, Path out) throws IOException {
        Files.createDirectories(out);
        List<Item> items = new ArrayList<>();
        for (int i = 0; i < sources.size(); i++) {
            String g = "g" + i;
            BufferedImage original = fit(Pictures.read(sources.get(i)), ORIGINAL_SIDE);
            Instant t = START.plusSeconds(3600L * i);
            Path o = jpeg(original, out.resolve(g + "-original.jpg"), 0.9f);
            items.add(new Item(g, o, null, t, CAMERA));
            Path copy = Files.copy(o, out.resolve(g + "-exact.jpg"), StandardCopyOption.REPLACE_EXISTING);
            items.add(new Item(g, copy, Verdict.EXACT, t, CAMERA));
            items.add(new Item(g, jpeg(original, out.resolve(g + "-reencode.jpg"), 0.35f), Verdict.RE_ENCODE, t, CAMERA));
            items.add(new Item(g, jpeg(scale(original, 0.45), out.resolve(g + "-resized.jpg"), 0.85f), Verdict.RESIZED, t, CAMERA));
            items.add(new Item(g, jpeg(crop(original), out.resolve(g + "-crop.jpg"), 0.85f), Verdict.CROP, t, CAMERA));
            items.add(new Item(g, jpeg(colour(original), out.resolve(g + "-colour.jpg"), 0.85f), Verdict.EDIT, t, CAMERA));
            items.add(new Item(g, jpeg(turn(original), out.resolve(g + "-turned.jpg"), 0.85f), Verdict.EDIT, t, CAMERA));
            items.add(new Item(g, jpeg(burst(original), out.resolve(g + "-burst.jpg"), 0.85f), Verdict.BURST, t.plusSeconds(2), CAMERA));
            items.add(new Item(g, jpeg(detail(original), out.resolve(g + "-detail.jpg"), 0.85f), Verdict.CROP, t, CAMERA));
            items.add(new Item(g, jpeg(straighten(original), out.resolve(g + "-straightened.jpg"), 0.85f), Verdict.EDIT, t, CAMERA));
        }
        return items;
    }

    static BufferedImage fit(BufferedImage img, int side) {
        double f = Math.min(1.0, (double) side / Math.max(img.getWidth(), img.getHeight()));
        return f >= 1.0 ? rgb(img) : scale(img, f);
    }

    static BufferedImage scale(BufferedImage img, double f) {
        int w = Math.max(1, (int) Math.round(img.getWidth() * f));
        int h = Math.max(1, (int) Math.round(img.getHeight() * f));
        BufferedImage cur = rgb(img);
        while (cur.getWidth() / 2 >= w && cur.getHeight() / 2 >= h) { // halving first: bilinear alone aliases
            cur = draw(cur, cur.getWidth() / 2, cur.getHeight() / 2, AffineTransform.getScaleInstance(
                    (double) (cur.getWidth() / 2) / cur.getWidth(), (double) (cur.getHeight() / 2) / cur.getHeight()));
        }
        return draw(cur, w, h, AffineTransform.getScaleInstance((double) w / cur.getWidth(), (double) h / cur.getHeight()));
    }

    private static BufferedImage crop(BufferedImage img) {
        int x = img.getWidth() / 5;
        int h = img.getHeight() - img.getHeight() / 10;
        return rgb(img.getSubimage(x, 0, img.getWidth() - x, h));
    }

    /** A hard crop: the top-right 55 % x 60 % of the frame (a detail, a third of the picture). */
    private static BufferedImage detail(BufferedImage img) {
        int w = (int) (img.getWidth() * 0.55);
        int h = (int) (img.getHeight() * 0.60);
        return rgb(img.getSubimage(img.getWidth() - w, 0, w, h));
    }

    /** A horizon fix: turned 3 degrees and zoomed 8 % so no corner is empty, same frame size. */
    private static BufferedImage straighten(BufferedImage img) {
        AffineTransform t = new AffineTransform();
        t.translate(img.getWidth() / 2.0, img.getHeight() / 2.0);
        t.rotate(Math.toRadians(3));
        t.scale(1.08, 1.08);
        t.translate(-img.getWidth() / 2.0, -img.getHeight() / 2.0);
        return draw(img, img.getWidth(), img.getHeight(), t);
    }

    private static BufferedImage colour(BufferedImage img) {
        BufferedImage out = rgb(img);
        for (int y = 0; y < out.getHeight(); y++) {
            for (int x = 0; x < out.getWidth(); x++) {
                int p = out.getRGB(x, y);
                int r = clamp(((p >> 16) & 255) * 1.15 + 12);
                int g = clamp(((p >> 8) & 255) * 1.02 + 6);
                int b = clamp((p & 255) * 0.78);
                out.setRGB(x, y, (r << 16) | (g << 8) | b);
            }
        }
        return out;
    }

    private static BufferedImage turn(BufferedImage img) {
        AffineTransform t = new AffineTransform();
        t.translate(img.getHeight(), 0);
        t.quadrantRotate(1);
        return draw(img, img.getHeight(), img.getWidth(), t);
    }

    /** The next frame: the camera moved 3 % sideways and zoomed in 4 %, same frame size. */
    private static BufferedImage burst(BufferedImage img) {
        AffineTransform t = new AffineTransform();
        t.translate(img.getWidth() / 2.0, img.getHeight() / 2.0);
        t.scale(1.04, 1.04);
        t.translate(-img.getWidth() / 2.0 - img.getWidth() * 0.03, -img.getHeight() / 2.0);
        return draw(img, img.getWidth(), img.getHeight(), t);
    }

    private static BufferedImage draw(BufferedImage img, int w, int h, AffineTransform t) {
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(img, t, null);
        g.dispose();
        return out;
    }

    private static BufferedImage rgb(BufferedImage img) {
        return draw(img, img.getWidth(), img.getHeight(), new AffineTransform());
    }

    private static int clamp(double v) {
        return (int) Math.max(0, Math.min(255, Math.round(v)));
    }

    /** Writes a baseline JPEG at {@code quality} (0..1). */
    public static Path jpeg(BufferedImage img, Path file, float quality) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        try (var os = Files.newOutputStream(file); ImageOutputStream out = ImageIO.createImageOutputStream(os)) {
            ImageWriteParam p = writer.getDefaultWriteParam();
            p.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            p.setCompressionQuality(quality);
            writer.setOutput(out);
            writer.write(null, new IIOImage(img, null, null), p);
        } finally {
            writer.dispose();
        }
        return file;
    }
}
