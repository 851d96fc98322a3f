package io.vitrine.enrich.bench;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;

/**
 * Printed-text test images with known content, for OCR accuracy: sentences in the OCR languages,
 * drawn with Java2D in several font families and sizes, on white and on a tinted gradient, saved as
 * JPEG like a preview rendition. Simplified Chinese needs a font with Han glyphs: where a family
 * cannot draw a sentence, the first installed family that can is used instead (on Debian
 * {@code fonts-droid-fallback} or {@code fonts-wqy-zenhei}) and the sample names it. {@link #accuracy} is 1 − character error rate (Levenshtein distance
 * over the expected length, whitespace collapsed), floored at 0.
 */
public final class PrintedText {
    public record Sample(Path file, String text, String language, String font, int size, boolean tinted) {}

    static final List<String[]> SENTENCES = List.of(
            new String[] {"en", "The quarterly report shows strong growth in every region."},
            new String[] {"en", "Please keep this door closed at all times."},
            new String[] {"de", "Der schnelle braune Fuchs springt über den faulen Hund."},
            new String[] {"fr", "Le musée est fermé le lundi et les jours fériés."},
            new String[] {"es", "La reunión empieza a las nueve en la sala grande."},
            new String[] {"pt", "A exposição abre amanhã com entrada gratuita."},
            new String[] {"zh", "本周末博物馆免费开放，欢迎参观。"},
            new String[] {"zh", "请勿在展厅内拍照或使用闪光灯"});
    static final List<String> FONTS = List.of(Font.SANS_SERIF, Font.SERIF, Font.MONOSPACED);
    static final int[] SIZES = {22, 34};

    private PrintedText() {}

    /** Every sentence × font × size, alternating plain and tinted backgrounds. */
    public static List<Sample> generate(Path dir) throws IOException {
        List<Sample> out = new ArrayList<>();
        int n = 0;
        for (String[] s : SENTENCES) {
            for (String font : FONTS) {
                for (int size : SIZES) {
                    boolean tinted = n % 2 == 1;
                    Path file = dir.resolve(String.format(Locale.ROOT, "text-%02d-%s.jpg", n++, s[0]));
                    String family = drawing(font, s[1]);
                    ImageIO.write(render(s[1], family, size, tinted), "jpg", file.toFile());
                    out.add(new Sample(file, s[1], s[0], family, size, tinted));
                }
            }
        }
        return out;
    }

    /** {@code family} when it can draw every character of {@code text}, else the first installed family that can. */
    static String drawing(String family, String text) {
        if (new Font(family, Font.PLAIN, 12).canDisplayUpTo(text) == -1) {
            return family;
        }
        for (String f : java.awt.GraphicsEnvironment.getLocalGraphicsEnvironment().getAvailableFontFamilyNames(Locale.ROOT)) {
            if (new Font(f, Font.PLAIN, 12).canDisplayUpTo(text) == -1) {
                return f;
            }
        }
        throw new IllegalStateException("no installed font can draw '" + text + "'; install fonts-wqy-zenhei (scripts/install-deps --tests)");
    }

    /** One line of text (wrapped to two when long) with a margin, like a sign or a slide. */
    public static BufferedImage render(String text, String family, int size, boolean tinted) {
        Font font = new Font(family, Font.PLAIN, size);
        BufferedImage probe = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB);
        FontMetrics fm = probe.createGraphics().getFontMetrics(font);
        List<String> lines = wrap(text, fm, 900);
        int width = lines.stream().mapToInt(fm::stringWidth).max().orElse(1) + 2 * size;
        int height = lines.size() * fm.getHeight() + 2 * size;
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setPaint(tinted ? new GradientPaint(0, 0, new Color(0xf4e3c1), width, height, new Color(0xc9dcef)) : Color.WHITE);
            g.fillRect(0, 0, width, height);
            g.setColor(tinted ? new Color(0x1b2a44) : Color.BLACK);
            g.setFont(font);
            for (int i = 0; i < lines.size(); i++) {
                g.drawString(lines.get(i), size, size + fm.getAscent() + i * fm.getHeight());
            }
        } finally {
            g.dispose();
        }
        return img;
    }

    private static List<String> wrap(String text, FontMetrics fm, int max) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" ")) {
            if (!line.isEmpty() && fm.stringWidth(line + " " + word) > max) {
                lines.add(line.toString());
                line.setLength(0);
            }
            line.append(line.isEmpty() ? "" : " ").append(word);
        }
        lines.add(line.toString());
        return lines;
    }

    public static double accuracy(String expected, String actual) {
        String e = expected.replaceAll("\\s+", " ").strip();
        String a = actual == null ? "" : actual.replaceAll("\\s+", " ").strip();
        if (e.isEmpty()) {
            return a.isEmpty() ? 1 : 0;
        }
        return Math.max(0, 1 - (double) levenshtein(e, a) / e.length());
    }

    static int levenshtein(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int sub = prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                cur[j] = Math.min(sub, Math.min(prev[j] + 1, cur[j - 1] + 1));
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
