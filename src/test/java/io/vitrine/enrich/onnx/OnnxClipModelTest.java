package io.vitrine.enrich.onnx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.vitrine.enrich.ModelException;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CLIP loader on a tiny generated export: loading, preprocessing, tokenization, batching, normalisation, bad folders. */
class OnnxClipModelTest {
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path tmp;
    static Path model;

    @BeforeAll
    static void build() throws Exception {
        assumeTrue(TinyClip.available(), "../shared/models/bpe_simple_vocab_16e6.txt.gz absent; skipping");
        model = TinyClip.write(tmp.resolve("tiny"));
    }

    static OnnxClipModel open(Path dir) {
        return new OnnxClipModel("tiny-clip", "1", dir, 1, Duration.ofSeconds(30), JSON);
    }

    static Path png(Path dir, String name, int w, int h, Color... stripes) throws Exception {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        for (int i = 0; i < stripes.length; i++) {
            g.setColor(stripes[i]);
            g.fillRect(i * w / stripes.length, 0, w / stripes.length + 1, h);
        }
        g.dispose();
        Path p = dir.resolve(name);
        ImageIO.write(img, "png", p.toFile());
        return p;
    }

    /** What the tiny graph must give for a one-colour image, computed here from the definition, not by the loader. */
    static float[] expectedFor(Color c) {
        float[] v = new float[TinyClip.DIM];
        int[] rgb = {c.getRed(), c.getGreen(), c.getBlue()};
        double n = 0;
        for (int i = 0; i < 3; i++) {
            v[i] = (rgb[i] / 255f - TinyClip.MEAN[i]) / TinyClip.STD[i];
            n += v[i] * v[i];
        }
        for (int i = 0; i < 3; i++) {
            v[i] /= (float) Math.sqrt(n);
        }
        return v;
    }

    @Test
    void loads_an_immich_style_export_and_finds_inputs_and_outputs_from_the_graphs() {
        try (OnnxClipModel m = open(model)) {
            assertThat(m.dimensions()).isEqualTo(TinyClip.DIM);
            assertThat(m.contextLength()).isEqualTo(77);
            assertThat(m.logitScale()).isEqualTo(100.0);
            assertThat(m.space()).isEqualTo("clip:tiny-clip@1");
        }
    }

    @Test
    void an_image_is_normalised_with_the_configured_mean_and_std_and_embedded_at_unit_length() throws Exception {
        Color c = new Color(200, 100, 50);
        Path img = png(tmp, "solid.png", 64, 48, c);
        try (OnnxClipModel m = open(model)) {
            float[] v = m.embedImages(List.of(img)).getFirst();
            float[] expected = expectedFor(c);
            for (int i = 0; i < v.length; i++) {
                assertThat(v[i]).isCloseTo(expected[i], within(1e-4f));
            }
            assertThat(norm(v)).isCloseTo(1.0, within(1e-5));
        }
    }

    @Test
    void shortest_side_resize_then_centre_crop_keeps_only_the_middle_of_a_wide_image() throws Exception {
        Path img = png(tmp, "stripes.png", 96, 32, Color.RED, Color.GREEN, Color.BLUE);
        float[] shortest = pixels(img, "shortest");
        assertThat(at(shortest, 0, 8, 8)).isCloseTo((0 / 255f - TinyClip.MEAN[0]) / TinyClip.STD[0], within(0.05f));
        assertThat(at(shortest, 1, 8, 8)).isCloseTo((1 - TinyClip.MEAN[1]) / TinyClip.STD[1], within(0.05f));
        float[] squash = pixels(img, "squash");
        assertThat(at(squash, 0, 2, 8)).as("squash keeps the red left third").isCloseTo((1 - TinyClip.MEAN[0]) / TinyClip.STD[0], within(0.05f));
        float[] longest = pixels(img, "longest");
        assertThat(at(longest, 1, 8, 0)).as("longest pads with black above").isCloseTo(-TinyClip.MEAN[1] / TinyClip.STD[1], within(0.05f));
        assertThat(at(longest, 1, 8, 8)).isCloseTo((1 - TinyClip.MEAN[1]) / TinyClip.STD[1], within(0.05f));
    }

    private static float[] pixels(Path img, String mode) throws Exception {
        ClipConfig c = new ClipConfig(8, 16, TinyClip.MEAN, TinyClip.STD, ClipConfig.ResizeMode.valueOf(mode.toUpperCase()),
                ClipConfig.Interpolation.BICUBIC, 77, 0, 100);
        float[] out = new float[3 * 16 * 16];
        new ClipPreprocessor(c).load(img, out, 0);
        return out;
    }

    private static float at(float[] chw, int channel, int x, int y) {
        return chw[channel * 256 + y * 16 + x];
    }

    @Test
    void tokenizes_with_the_real_clip_bpe_start_end_and_zero_padding_to_77() {
        try (OnnxClipModel m = open(model)) {
            long[] ids = m.tokenizer().encode("a photo of a cat").ids();
            assertThat(ids).hasSize(77);
            // the ids OpenAI's tokenizer gives for this sentence
            assertThat(Arrays.copyOf(ids, 8)).containsExactly(49406, 320, 1125, 539, 320, 2368, 49407, 0);
            assertThat(Arrays.stream(ids, 7, 77).allMatch(i -> i == 0)).isTrue();
            assertThat(m.tokenizer().encode("A   Photo OF a CAT").ids()).as("lower-cased, spaces folded").isEqualTo(ids);
        }
    }

    @Test
    void an_immich_tokenizer_config_sets_the_padding_token() throws Exception {
        Path immich = TinyClip.write(tmp.resolve("immich-pad"));
        Files.writeString(immich.resolve("textual/tokenizer_config.json"), "{\"pad_token\": \"<|endoftext|>\"}");
        try (OnnxClipModel m = open(immich)) {
            long[] ids = m.tokenizer().encode("a photo of a cat").ids();
            assertThat(Arrays.stream(ids, 6, 77).allMatch(i -> i == 49407)).isTrue();
            assertThat(m.tokenizer().encode("a photo of a cat").mask()).startsWith(1, 1, 1, 1, 1, 1, 1, 0);
        }
    }

    @Test
    void a_text_longer_than_the_context_is_cut_and_still_ends_with_the_end_token() {
        try (OnnxClipModel m = open(model)) {
            long[] ids = m.tokenizer().encode("cat ".repeat(200)).ids();
            assertThat(ids).hasSize(77);
            assertThat(ids[0]).isEqualTo(49406);
            assertThat(ids[75]).isEqualTo(2368);
            assertThat(ids[76]).isEqualTo(49407);
        }
    }

    @Test
    void a_batch_gives_the_same_vectors_as_one_by_one_for_images_and_texts() throws Exception {
        List<Path> images = List.of(png(tmp, "r.png", 40, 40, Color.RED), png(tmp, "g.png", 50, 30, Color.GREEN),
                png(tmp, "mix.png", 30, 60, Color.BLUE, Color.YELLOW));
        List<String> texts = List.of("a red balloon", "a castle on a hill", "fox");
        try (OnnxClipModel m = open(model)) {
            List<float[]> batch = m.embedImages(images);
            List<float[]> textBatch = m.embedTexts(texts);
            for (int i = 0; i < images.size(); i++) {
                assertThat(batch.get(i)).containsExactly(m.embedImages(List.of(images.get(i))).getFirst(), within(1e-6f));
                assertThat(textBatch.get(i)).containsExactly(m.embedTexts(List.of(texts.get(i))).getFirst(), within(1e-6f));
                assertThat(norm(textBatch.get(i))).isCloseTo(1.0, within(1e-5));
            }
        }
    }

    @Test
    void graphs_with_a_fixed_batch_of_one_and_int64_ids_give_the_same_vectors() throws Exception {
        Path other = TinyClip.write(tmp.resolve("batch1"), new TinyClip.Options(true, true, "output", "embeddings"));
        List<Path> images = List.of(png(tmp, "r2.png", 40, 40, Color.RED), png(tmp, "b2.png", 40, 40, Color.BLUE));
        try (OnnxClipModel a = open(model); OnnxClipModel b = open(other)) {
            List<float[]> x = a.embedImages(images);
            List<float[]> y = b.embedImages(images);
            for (int i = 0; i < 2; i++) {
                assertThat(y.get(i)).containsExactly(x.get(i), within(1e-6f));
            }
            assertThat(b.embedTexts(List.of("fox", "castle")).get(1)).containsExactly(a.embedTexts(List.of("castle")).getFirst(), within(1e-6f));
        }
    }

    @Test
    void text_and_image_meet_in_one_space() throws Exception {
        try (OnnxClipModel m = open(model)) {
            float[] red = m.embedImages(List.of(png(tmp, "red.png", 40, 40, Color.RED))).getFirst();
            float[] scarlet = m.embedTexts(List.of("scarlet")).getFirst();
            float[] castle = m.embedTexts(List.of("castle")).getFirst();
            assertThat(dot(red, scarlet)).isGreaterThan(0.6).isGreaterThan(dot(red, castle) + 1);
        }
    }

    @Test
    void blank_text_and_undecodable_images_are_refused_with_a_reason() throws Exception {
        Path junk = Files.writeString(tmp.resolve("junk.jpg"), "not an image");
        try (OnnxClipModel m = open(model)) {
            assertThatThrownBy(() -> m.embedTexts(List.of(" "))).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> m.embedImages(List.of(junk))).isInstanceOf(java.io.IOException.class).hasMessageContaining("junk.jpg");
        }
    }

    @Test
    void a_large_photo_is_read_subsampled_and_gives_the_vector_of_its_colour() throws Exception {
        Color c = new Color(40, 90, 210);
        Path big = png(tmp, "big.png", 4000, 3000, c);
        try (OnnxClipModel m = open(model)) {
            assertThat(m.embedImages(List.of(big)).getFirst()).containsExactly(expectedFor(c), within(1e-4f));
        }
    }

    @Test
    void an_image_whose_header_claims_too_many_pixels_is_refused_before_decoding() throws Exception {
        Path bomb = tmp.resolve("bomb.png");
        Files.write(bomb, pngHeader(50_000, 50_000));
        try (OnnxClipModel m = open(model)) {
            assertThatThrownBy(() -> m.embedImages(List.of(bomb))).isInstanceOf(java.io.IOException.class)
                    .hasMessageContaining("50000×50000 pixels");
        }
    }

    /** A PNG signature and a valid IHDR chunk (8-bit RGB), and nothing after it. */
    private static byte[] pngHeader(int w, int h) {
        java.nio.ByteBuffer ihdr = java.nio.ByteBuffer.allocate(17).put("IHDR".getBytes()).putInt(w).putInt(h)
                .put((byte) 8).put((byte) 2).put((byte) 0).put((byte) 0).put((byte) 0);
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update(ihdr.array());
        return java.nio.ByteBuffer.allocate(8 + 4 + 17 + 4).put(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'})
                .putInt(13).put(ihdr.array()).putInt((int) crc.getValue()).array();
    }

    @Test
    void a_missing_graph_a_corrupt_graph_or_a_config_without_a_key_is_a_clear_error() throws Exception {
        Path noText = TinyClip.write(tmp.resolve("no-text"));
        Files.delete(noText.resolve("textual/model.onnx"));
        assertThatThrownBy(() -> open(noText)).isInstanceOf(ModelException.class).hasMessageContaining("textual/model.onnx");

        Path corrupt = TinyClip.write(tmp.resolve("corrupt"));
        Files.write(corrupt.resolve("visual/model.onnx"), new byte[] {1, 2, 3, 4, 5});
        assertThatThrownBy(() -> open(corrupt)).isInstanceOf(ModelException.class).hasMessageContaining("visual/model.onnx is not a loadable");

        Path noDim = TinyClip.write(tmp.resolve("no-dim"));
        Files.writeString(noDim.resolve("config.json"), "{\"vision_cfg\": {\"image_size\": 32}}");
        assertThatThrownBy(() -> open(noDim)).isInstanceOf(ModelException.class).hasMessageContaining("embed_dim");

        Path noMean = TinyClip.write(tmp.resolve("no-mean"));
        Files.writeString(noMean.resolve("visual/preprocess_cfg.json"), "{\"std\": [0.2, 0.2, 0.2]}");
        assertThatThrownBy(() -> open(noMean)).isInstanceOf(ModelException.class).hasMessageContaining("mean");

        Path wrongDim = TinyClip.write(tmp.resolve("wrong-dim"));
        Files.writeString(wrongDim.resolve("config.json"), "{\"embed_dim\": 512, \"vision_cfg\": {\"image_size\": 32}}");
        assertThatThrownBy(() -> open(wrongDim)).isInstanceOf(ModelException.class).hasMessageContaining("embedding size 512");
    }

    @Test
    void open_clip_config_with_model_cfg_and_preprocess_cfg_is_read_too() throws Exception {
        Path oc = TinyClip.write(tmp.resolve("openclip"));
        Files.delete(oc.resolve("config.json"));
        Files.delete(oc.resolve("visual/preprocess_cfg.json"));
        Files.writeString(oc.resolve("open_clip_config.json"), """
                {"model_cfg": {"embed_dim": 8, "vision_cfg": {"image_size": 32}, "text_cfg": {"context_length": 77}},
                 "preprocess_cfg": {"mean": [0.5, 0.5, 0.5], "std": [0.5, 0.5, 0.5], "interpolation": "bilinear", "resize_mode": "squash"},
                 "logit_scale": 4.605170}
                """);
        try (OnnxClipModel m = open(oc)) {
            assertThat(m.logitScale()).isCloseTo(100.0, within(1e-3));
            float[] v = m.embedImages(List.of(png(tmp, "white.png", 20, 20, Color.WHITE))).getFirst();
            double x = 1 / Math.sqrt(3); // (1 - 0.5) / 0.5 on every channel
            assertThat(v[0]).isCloseTo((float) x, within(1e-4f));
            assertThat(v[2]).isCloseTo((float) x, within(1e-4f));
        }
    }

    static double norm(float[] v) {
        return Math.sqrt(dot(v, v));
    }

    static double dot(float[] a, float[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }
}
