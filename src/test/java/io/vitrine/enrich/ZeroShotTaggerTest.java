package io.vitrine.enrich;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.vitrine.enrich.onnx.OnnxClipModel;
import io.vitrine.enrich.onnx.TinyClip;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Zero-shot tagging over the bundled vocabulary with a generated tiny CLIP whose towers were designed to agree on three concepts. */
class ZeroShotTaggerTest {
    @TempDir
    static Path tmp;
    static OnnxClipModel clip;
    static ZeroShotTagger tagger;

    @BeforeAll
    static void load() throws Exception {
        assumeTrue(TinyClip.available(), "../shared/models/bpe_simple_vocab_16e6.txt.gz absent; skipping");
        clip = new OnnxClipModel("tiny-clip", "1", TinyClip.write(tmp.resolve("m")), 1, Duration.ofSeconds(30), new ObjectMapper());
        tagger = new ZeroShotTagger(clip, Vocabulary.bundled());
    }

    @AfterAll
    static void close() {
        if (clip != null) {
            clip.close();
        }
    }

    static Path solid(Color c) throws Exception {
        BufferedImage img = new BufferedImage(48, 40, BufferedImage.TYPE_INT_RGB);
        var g = img.createGraphics();
        g.setColor(c);
        g.fillRect(0, 0, 48, 40);
        g.dispose();
        Path p = tmp.resolve(Integer.toHexString(c.getRGB()) + ".png");
        ImageIO.write(img, "png", p.toFile());
        return p;
    }

    @Test
    void picks_the_concept_whose_prompts_the_model_puts_next_to_the_image() throws Exception {
        List<Tagger.Analysis> a = tagger.analyse(List.of(solid(Color.RED), solid(Color.GREEN), solid(Color.BLUE)));
        assertThat(a.get(0).concepts().getFirst().concept()).isEqualTo("balloon");
        assertThat(a.get(1).concepts().getFirst().concept()).isEqualTo("castle");
        assertThat(a.get(2).concepts().getFirst().concept()).isEqualTo("fox");
        assertThat(a.get(0).concepts().getFirst().confidence()).isGreaterThan(0.9);
    }

    @Test
    void confidences_are_a_softmax_over_the_whole_vocabulary_with_the_logit_scale() throws Exception {
        List<ConceptScore> s = tagger.tag(List.of(solid(new Color(150, 120, 110)))).getFirst();
        assertThat(s).hasSizeLessThanOrEqualTo(ZeroShotTagger.MAX_CONCEPTS);
        assertThat(s).isSortedAccordingTo((x, y) -> Double.compare(y.confidence(), x.confidence()));
        assertThat(s.stream().mapToDouble(ConceptScore::confidence).sum()).isLessThanOrEqualTo(1.0 + 1e-9);
        assertThat(s).allSatisfy(c -> assertThat(c.confidence()).isBetween(0.0, 1.0));
    }

    @Test
    void one_inference_gives_tags_and_the_image_vector_of_the_clip_space() throws Exception {
        Path red = solid(Color.RED);
        Tagger.Analysis a = tagger.analyse(List.of(red)).getFirst();
        assertThat(a.embedding()).containsExactly(clip.embedImages(List.of(red)).getFirst(), within(1e-6f));
        assertThat(tagger.embeddingSpace()).contains("clip:tiny-clip@1");
        assertThat(tagger.model()).isEqualTo("tiny-clip");
        assertThat(tagger.modelVersion()).isEqualTo("1");
    }
}
