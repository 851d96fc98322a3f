package io.vitrine.enrich.onnx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.vitrine.enrich.Face;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The real YuNet-n from ../shared/models on real corpus photos, with and without faces (skipped when absent). */
class YuNetFaceDetectorTest {
    static final Path MODEL = Path.of("../shared/models/yunet_n_640_640.onnx");
    static final Path PHOTOS = Path.of("../shared/corpus/photos");
    static YuNetFaceDetector detector;

    @BeforeAll
    static void load() throws Exception {
        assumeTrue(Files.isRegularFile(MODEL) && Files.isDirectory(PHOTOS), "../shared model or photos absent; skipping");
        detector = open(Duration.ofSeconds(30));
    }

    static YuNetFaceDetector open(Duration timeout) throws Exception {
        return new YuNetFaceDetector("yunet_n_640_640", "n-640", MODEL, 640, 0.9f, 0.3f, 1, timeout);
    }

    @AfterAll
    static void close() throws Exception {
        if (detector != null) {
            detector.close();
        }
    }

    private static List<Face.Detection> faces(String photo) throws Exception {
        return detector.detect(PHOTOS.resolve(photo));
    }

    @Test
    void finds_one_face_on_a_portrait_with_the_box_around_the_eyes() throws Exception {
        List<Face.Detection> faces = faces("python-matplotlib-data/grace_hopper.jpg");
        assertThat(faces).hasSize(1);
        Face.Detection f = faces.getFirst();
        assertThat(f.confidence()).isGreaterThan(0.8);
        assertThat(f.landmarks()).hasSize(5);
        Face.Point rightEye = f.landmarks().get(0);
        assertThat(rightEye.x()).isBetween(f.box().x(), f.box().x() + f.box().width());
        assertThat(rightEye.y()).isBetween(f.box().y(), f.box().y() + f.box().height());
        assertThat(f.box().width()).isBetween(0.1, 0.9);
    }

    @Test
    void finds_the_face_on_other_portraits_in_colour_and_grey() throws Exception {
        assertThat(faces("python3-skimage/astronaut.png")).hasSize(1);
        assertThat(faces("leptonica/karen8.jpg")).hasSize(1);
        assertThat(faces("python3-skimage/camera.png")).hasSize(1);
    }

    @Test
    void finds_no_face_on_a_baboon_a_cat_dogs_or_a_motorcycle() throws Exception {
        assertThat(faces("python3-skimage/motorcycle_right.png")).isEmpty();
        assertThat(faces("npm-baboon-image-uri/baboon.png")).isEmpty();
        assertThat(faces("python3-skimage/chelsea.png")).isEmpty();
        assertThat(faces("lomiri-wallpapers/friends_by_Aitzol_Berasategi.jpg")).isEmpty();
    }

    @Test
    void a_run_past_its_time_limit_is_stopped_with_the_reason() throws Exception {
        try (YuNetFaceDetector impatient = open(Duration.ofNanos(1))) {
            assertThatThrownBy(() -> impatient.detect(PHOTOS.resolve("python-matplotlib-data/grace_hopper.jpg")))
                    .hasMessageContaining("did not finish within");
        }
    }

    @Test
    void an_undecodable_file_fails_with_the_reason() throws Exception {
        Path junk = Files.createTempFile("junk", ".jpg");
        Files.write(junk, new byte[] {(byte) 0xff, (byte) 0xd8, 1, 2, 3});
        assertThatThrownBy(() -> detector.detect(junk)).hasMessageContaining("not a decodable image");
    }
}
