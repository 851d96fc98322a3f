package io.vitrine.duplicate.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.vitrine.duplicate.Verdict;
import io.vitrine.enrich.Vocabulary;
import io.vitrine.enrich.onnx.OnnxClassifier;
import io.vitrine.testing.TestMedia;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The quality floor of near-duplicate verdicts on transforms generated from real corpus photos
 * (resize, recompress, crop, colour shift, quarter turn, burst-like neighbour, and different photos).
 * A change to hashing or thresholds that costs accuracy fails here; the figures are in docs/benchmarks.md.
 */
class DuplicateQualityTest {
    /** Distinct scenes (none of the corpus's own near-duplicate groups). */
    static final List<String> PHOTOS = List.of("imagingbook/Balloons600.jpg", "imagingbook/Boats.png", "imagingbook/Castle.png",
            "imagingbook/Clown.png", "leptonica/marge.jpg", "leptonica/tetons.jpg", "palapeli-data/castle-maintenon.jpg",
            "palapeli-data/cincinnati-bridge.jpg", "palapeli-data/citrus-fruits.jpg", "palapeli-data/european-honey-bee.jpg",
            "mate-backgrounds/LadyBird.jpg", "mate-backgrounds/Storm.jpg", "python3-skimage/astronaut.png",
            "python3-skimage/chelsea.png", "python3-skimage/coffee.png", "python3-skimage/rocket.jpg",
            "python3-sklearn/china.jpg", "exif-parser/starfish.jpg", "plasma-workspace-wallpapers/Kite.jpg",
            "python-matplotlib-data/grace_hopper.jpg");
    static final Path MODEL = Path.of("../shared/models/mobilenetv2-12-int8.onnx");

    @TempDir
    static Path dir;
    static List<TransformSet.Item> items;

    @BeforeAll
    static void generate() throws Exception {
        items = TransformSet.generate(PHOTOS.stream().map(p -> TestMedia.corpus("photos/" + p)).toList(), dir.resolve("set"));
    }

    @Test
    void verdicts_with_the_image_embedding_reach_f1_of_0_9_on_the_generated_set() throws Exception {
        assumeTrue(Files.isRegularFile(MODEL), "../shared model absent");
        try (var tagger = new OnnxClassifier("mobilenetv2-12-int8", "12-int8", MODEL, Vocabulary.classMap("imagenet-1k"), 1)) {
            DuplicateQuality.Report r = DuplicateQuality.measure(items, tagger, dir.resolve("work-model"));
            System.out.println("with embedding\n" + r.format());
            assertThat(r.duplicate().f1()).isGreaterThanOrEqualTo(0.9);
            assertThat(r.duplicate().precision()).isGreaterThanOrEqualTo(0.95);
            for (Verdict v : List.of(Verdict.EXACT, Verdict.RE_ENCODE, Verdict.RESIZED, Verdict.EDIT, Verdict.BURST)) {
                assertThat(r.perVerdict().get(v).f1()).as(v.apiName()).isGreaterThanOrEqualTo(0.9);
            }
            assertThat(r.perVerdict().get(Verdict.CROP).f1()).as("crop (a third of the frame is often missed)").isGreaterThanOrEqualTo(0.75);
        }
    }

    @Test
    void verdicts_from_hashes_and_metadata_alone_still_find_copies_without_false_alarms() throws Exception {
        DuplicateQuality.Report r = DuplicateQuality.measure(items, null, dir.resolve("work-plain"));
        System.out.println("hashes only\n" + r.format());
        assertThat(r.duplicate().precision()).isGreaterThanOrEqualTo(0.95);
        assertThat(r.duplicate().recall()).isGreaterThanOrEqualTo(0.7);
    }
}
