package io.vitrine.risk;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** C2PA manifest stores found by their JUMBF description box, in a JPEG APP11 segment this test writes. */
class C2paTest {

    @Test
    void a_manifest_declaring_trained_algorithmic_media_is_found_with_its_code() {
        var m = C2pa.scan(C2paTestFiles.jpegWithManifest("c2pa.actions digitalSourceType http://cv.iptc.org/newscodes/digitalsourcetype/trainedAlgorithmicMedia"));
        assertThat(m).isPresent();
        assertThat(m.get().aiCode()).contains("trainedAlgorithmicMedia");
    }

    @Test
    void the_composite_code_is_told_apart_from_the_plain_one() {
        var m = C2pa.scan(C2paTestFiles.jpegWithManifest("digitalSourceType http://cv.iptc.org/newscodes/digitalsourcetype/compositeWithTrainedAlgorithmicMedia"));
        assertThat(m.orElseThrow().aiCode()).contains("compositeWithTrainedAlgorithmicMedia");
    }

    @Test
    void a_camera_manifest_without_an_ai_source_type_is_present_but_declares_no_ai() {
        var m = C2pa.scan(C2paTestFiles.jpegWithManifest("c2pa.actions c2pa.created digitalSourceType http://cv.iptc.org/newscodes/digitalsourcetype/digitalCapture"));
        assertThat(m).isPresent();
        assertThat(m.get().aiCode()).isEmpty();
    }

    @Test
    void a_file_without_jumbf_has_no_manifest_even_if_it_mentions_the_code() {
        assertThat(C2pa.scan("jpeg bytes ... trainedAlgorithmicMedia ... c2pa".getBytes(StandardCharsets.US_ASCII))).isEmpty();
    }
}
