package io.vitrine.metadata;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CompositeMetadataExtractorTest {

    private static ExtractedMetadata tagged(String source) {
        return new ExtractedMetadata(null, null, null, NormalizedMetadata.EMPTY, Map.of("from", source), Map.of(), null);
    }

    private final CompositeMetadataExtractor composite = new CompositeMetadataExtractor(
            (file, type) -> tagged("image"), (file, type) -> tagged("media"), (file, type) -> tagged("document"));

    @ParameterizedTest
    @CsvSource({
        "image/jpeg, image", "image/heic, image", "image/avif, image", "video/mp4, media", "audio/wav, media",
        "application/pdf, document", "application/msword, document", "text/plain, document",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet, document",
        "application/rtf, document", "image/svg+xml, none", "application/zip, none",
        "application/octet-stream, none",
    })
    void dispatches_by_media_type(String mediaType, String expected) throws Exception {
        ExtractedMetadata m = composite.extract(Path.of("any"), mediaType);

        assertThat(m.technical().getOrDefault("from", "none")).isEqualTo(expected);
    }
}
