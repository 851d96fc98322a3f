package io.vitrine.duplicate;

import static org.assertj.core.api.Assertions.assertThat;

import io.vitrine.testing.TestMedia;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The perceptual hashes on real photos: copies land close, different photos far. */
class ImageHashesTest {
    static BufferedImage balloons;
    static BufferedImage castle;

    @BeforeAll
    static void load() throws Exception {
        balloons = Pictures.read(TestMedia.corpus("photos/imagingbook/Balloons600.jpg"));
        castle = Pictures.read(TestMedia.corpus("photos/imagingbook/Castle.png"));
    }

    static BufferedImage scaled(BufferedImage img, double f, AffineTransform extra) {
        int w = (int) Math.round(img.getWidth() * f);
        int h = (int) Math.round(img.getHeight() * f);
        BufferedImage out = new BufferedImage(extra == null ? w : h, extra == null ? h : w, BufferedImage.TYPE_INT_RGB);
        var g = out.createGraphics();
        g.setRenderingHint(java.awt.RenderingHints.KEY_INTERPOLATION, java.awt.RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        AffineTransform t = extra == null ? new AffineTransform() : new AffineTransform(extra);
        t.scale(f, f);
        g.drawImage(img, t, null);
        g.dispose();
        return out;
    }

    @Test
    void an_identical_image_has_distance_zero() {
        ImageHashes a = ImageHashes.of(balloons);
        ImageHashes b = ImageHashes.of(balloons);
        assertThat(ImageHashes.hamming(a.phash(), b.phash())).isZero();
        assertThat(ImageHashes.hamming(a.dhash(), b.dhash())).isZero();
        assertThat(ImageHashes.colourDistance(a.colour(), b.colour())).isZero();
    }

    @Test
    void a_resized_copy_is_a_few_bits_away() {
        ImageHashes a = ImageHashes.of(balloons);
        ImageHashes half = ImageHashes.of(scaled(balloons, 0.5, null));
        assertThat(ImageHashes.hamming(a.phash(), half.phash())).isLessThanOrEqualTo(4);
        assertThat(ImageHashes.hamming(a.dhash(), half.dhash())).isLessThanOrEqualTo(6);
        assertThat(ImageHashes.colourDistance(a.colour(), half.colour())).isLessThan(2);
    }

    @Test
    void a_different_photo_is_far_away() {
        ImageHashes a = ImageHashes.of(balloons);
        ImageHashes b = ImageHashes.of(castle);
        assertThat(ImageHashes.hamming(a.phash(), b.phash())).isGreaterThanOrEqualTo(20);
        assertThat(ImageHashes.hamming(a.dhash(), b.dhash())).isGreaterThanOrEqualTo(16);
    }

    @Test
    void a_copy_turned_a_quarter_matches_the_turned_hash() {
        AffineTransform quarter = new AffineTransform();
        quarter.translate(balloons.getHeight(), 0);
        quarter.quadrantRotate(1);
        ImageHashes turned = ImageHashes.of(scaled(balloons, 1.0, quarter));
        ImageHashes a = ImageHashes.of(balloons);
        assertThat(ImageHashes.hamming(a.turned()[0], turned.phash())).isLessThanOrEqualTo(4);
        assertThat(ImageHashes.hamming(a.phash(), turned.phash())).isGreaterThan(16);
    }
}
