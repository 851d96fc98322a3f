package io.vitrine.enrich.onnx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.vitrine.enrich.ConceptScore;
import io.vitrine.enrich.Vocabulary;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The real MobileNetV2 int8 from ../shared/models on real corpus photos (skipped when absent). */
class OnnxClassifierTest {
    static final Path MODEL = Path.of("../shared/models/mobilenetv2-12-int8.onnx");
    static final Path PHOTOS = Path.of("../shared/corpus/photos");
    static OnnxClassifier classifier;

    @BeforeAll
    static void load() throws Exception {
        assumeTrue(Files.isRegularFile(MODEL) && Files.isDirectory(PHOTOS), "../shared model or photos absent; skipping");
        classifier = new OnnxClassifier("mobilenetv2-12-int8", "12-int8", MODEL, Vocabulary.classMap("imagenet-1k"), 1);
    }

    @AfterAll
    static void close() throws Exception {
        if (classifier != null) {
            classifier.close();
        }
    }

    private static ConceptScore top(String photo) throws Exception {
        return classifier.tag(List.of(PHOTOS.resolve(photo))).getFirst().getFirst();
    }

    @Test
    void a_photo_of_balloons_is_tagged_balloon() throws Exception {
        ConceptScore top = top("imagingbook/Balloons600.jpg");
        assertThat(top.concept()).isEqualTo("balloon");
        assertThat(top.confidence()).isGreaterThan(0.5);
    }

    @Test
    void a_photo_of_a_castle_is_tagged_castle() throws Exception {
        assertThat(top("imagingbook/Castle.png").concept()).isEqualTo("castle");
    }

    @Test
    void a_ladybird_is_tagged_ladybug() throws Exception {
        assertThat(top("mate-backgrounds/LadyBird.jpg").concept()).isEqualTo("ladybug");
    }

    @Test
    void a_batch_gives_the_same_concepts_as_one_image_at_a_time() throws Exception {
        List<Path> photos = List.of(PHOTOS.resolve("imagingbook/Balloons600.jpg"), PHOTOS.resolve("imagingbook/Castle.png"));
        List<List<ConceptScore>> batch = classifier.tag(photos);
        assertThat(batch).hasSize(2);
        for (int i = 0; i < photos.size(); i++) {
            ConceptScore alone = classifier.tag(List.of(photos.get(i))).getFirst().getFirst();
            assertThat(batch.get(i).getFirst().concept()).isEqualTo(alone.concept());
            assertThat(batch.get(i).getFirst().confidence()).isCloseTo(alone.confidence(), org.assertj.core.data.Offset.offset(1e-3));
        }
    }

    @Test
    void confidences_are_probabilities_sorted_high_to_low() throws Exception {
        List<ConceptScore> scores = classifier.tag(List.of(PHOTOS.resolve("imagingbook/Castle.png"))).getFirst();
        assertThat(scores).isNotEmpty().allSatisfy(s -> assertThat(s.confidence()).isBetween(0.0, 1.0));
        assertThat(scores).extracting(ConceptScore::confidence).isSortedAccordingTo((a, b) -> Double.compare(b, a));
    }

    @Test
    void the_same_inference_gives_a_unit_length_image_embedding_the_index_can_hold() throws Exception {
        var analysis = classifier.analyse(List.of(PHOTOS.resolve("imagingbook/Balloons600.jpg"))).getFirst();
        assertThat(classifier.embeddingSpace()).contains("image.mobilenetv2-12-int8@12-int8");
        assertThat(analysis.concepts().getFirst().concept()).isEqualTo("balloon");
        assertThat(analysis.embedding()).hasSize(1024);
        assertThat(cosine(analysis.embedding(), analysis.embedding())).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-4));
    }

    @Test
    void a_smaller_copy_is_closer_in_image_space_than_a_different_photo() throws Exception {
        var v = classifier.analyse(List.of(PHOTOS.resolve("python-matplotlib-data/grace_hopper.jpg"), PHOTOS.resolve("pillow/hopper.jpg"),
                PHOTOS.resolve("imagingbook/Castle.png")));
        double same = cosine(v.get(0).embedding(), v.get(1).embedding());
        double different = cosine(v.get(0).embedding(), v.get(2).embedding());
        assertThat(same).isGreaterThan(0.8).isGreaterThan(different + 0.3);
    }

    private static double cosine(float[] a, float[] b) {
        double dot = 0;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] * b[i];
        }
        return dot;
    }
}
