package io.vitrine.rendition.vips;

import static org.assertj.core.api.Assertions.assertThat;

import io.vitrine.testing.TestMedia;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class ThumbnailBenchmarkTest {

    @Test
    void measures_both_thumbnailers_on_the_same_files_and_prints_the_ratio() throws Exception {
        var files = List.of(
                TestMedia.corpus("metadata/pillow-tests/hopper.png"),
                TestMedia.corpus("metadata/pillow-tests/hopper.webp"),
                TestMedia.corpus("photos/exif-parser/starfish.jpg"));
        var text = new ByteArrayOutputStream();

        var report = new ThumbnailBenchmark(VipsImageRendererTest.VIPS)
                .run(files, 1, new PrintStream(text, true, StandardCharsets.UTF_8));

        assertThat(report.images()).isEqualTo(3);
        assertThat(report.oursFailed()).isZero();
        assertThat(report.cliFailed()).isZero();
        assertThat(report.oursPerSecond()).isPositive();
        assertThat(report.cliPerSecond()).isPositive();
        assertThat(text.toString(StandardCharsets.UTF_8)).contains("images/s", "ratio ours/CLI");
    }
}
