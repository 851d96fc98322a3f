package io.vitrine.duplicate;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Verdict rules on hand-made fingerprints: which signal decides what. */
class DuplicateClassifierTest {
    static final Instant T = Instant.parse("2025-06-01T10:00:00Z");
    final DuplicateClassifier classifier = new DuplicateClassifier();

    static Fingerprint print(String id, String sha, long phash, int w, int h, Instant at, String camera) {
        return new Fingerprint(id, sha, new ImageHashes(phash, phash, new long[] {~phash, ~phash, ~phash}, new byte[48]), w, h, at, camera);
    }

    static Verdict verdict(Fingerprint a, Fingerprint b, Double cos) {
        return new DuplicateClassifier().classify(a, b, cos).map(DuplicateClassifier.Match::verdict).orElse(null);
    }

    @Test
    void the_same_bytes_are_exact_whatever_else() {
        assertThat(verdict(print("a", "s", 1L, 10, 10, T, null), print("b", "s", ~1L, 20, 5, null, null), null)).isEqualTo(Verdict.EXACT);
    }

    @Test
    void near_hashes_at_the_same_size_are_a_re_encode_and_at_another_size_a_resize() {
        Fingerprint a = print("a", "1", 0xF0F0L, 4000, 3000, T, "X");
        assertThat(verdict(a, print("b", "2", 0xF0F1L, 4000, 3000, T, "X"), null)).isEqualTo(Verdict.RE_ENCODE);
        assertThat(verdict(a, print("b", "2", 0xF0F1L, 2000, 1500, T, "X"), null)).isEqualTo(Verdict.RESIZED);
    }

    @Test
    void another_frame_seconds_later_from_the_same_camera_is_a_burst_but_not_from_another_camera() {
        Fingerprint a = print("a", "1", 0xF0F0L, 4000, 3000, T, "X");
        assertThat(verdict(a, print("b", "2", 0xF0FFL, 4000, 3000, T.plusSeconds(2), "X"), 0.9)).isEqualTo(Verdict.BURST);
        assertThat(verdict(a, print("b", "2", 0xF0FFL, 4000, 3000, T.plusSeconds(2), "Y"), 0.9)).isNotEqualTo(Verdict.BURST);
    }

    @Test
    void a_changed_shape_with_a_close_embedding_is_a_crop_and_unrelated_photos_are_nothing() {
        Fingerprint a = print("a", "1", 0x0L, 4000, 3000, T, "X");
        assertThat(verdict(a, print("b", "2", 0xFFFF_FFFFL, 3000, 2800, T, "X"), 0.9)).isEqualTo(Verdict.CROP);
        assertThat(verdict(a, print("b", "2", 0xFFFF_FFFFL, 3000, 2800, T.plusSeconds(3600), "X"), 0.7)).isNull();
        assertThat(verdict(a, print("b", "2", 0xFFFF_FFFFL, 3000, 2800, T, "X"), null)).isNull();
    }
}
