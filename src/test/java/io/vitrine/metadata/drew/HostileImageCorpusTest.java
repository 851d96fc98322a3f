package io.vitrine.metadata.drew;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.vitrine.metadata.ExtractedMetadata;
import io.vitrine.metadata.MetadataException;
import io.vitrine.testing.TestMedia;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class HostileImageCorpusTest {

    private static final Duration BUDGET = Duration.ofSeconds(5);

    @Test
    void survives_every_file_in_the_metadata_corpus() throws Exception {
        Path root = TestMedia.CORPUS.resolve("metadata");
        assumeTrue(Files.isDirectory(root), "metadata corpus absent");
        ImageMetadataExtractor extractor = new ImageMetadataExtractor(BUDGET);
        ObjectMapper json = new ObjectMapper();
        List<String> escaped = new ArrayList<>();
        int read = 0;
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(Files::isRegularFile).filter(f -> !f.toString().endsWith(".out")).toList()) {
                ExtractedMetadata m = null;
                try {
                    m = extractor.extract(file, "image/*");
                } catch (MetadataException expected) {
                    // Broken input is allowed to say so; anything else escaping is a bug.
                } catch (RuntimeException | Error e) {
                    escaped.add(file + ": " + e);
                }
                if (m != null) {
                    assertThat(json.writeValueAsString(m.raw()).length()).as(file.toString()).isLessThan(300 * 1024);
                    read++;
                }
            }
        }
        assertThat(escaped).isEmpty();
        assertThat(read).isGreaterThan(500);
    }
}
