package io.vitrine.metadata.tika;

import static io.vitrine.testing.TestMedia.corpus;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vitrine.metadata.ExtractedMetadata;
import io.vitrine.metadata.MetadataException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.apache.tika.config.TikaConfig;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DocumentMetadataExtractorTest {

    private static TikaConfig tika;
    private static DocumentMetadataExtractor extractor;

    @TempDir Path dir;

    @BeforeAll
    static void tika() throws Exception {
        tika = new TikaConfig();
        extractor = new DocumentMetadataExtractor(tika);
    }

    @Test
    void reads_text_pages_and_properties_of_a_pdf() throws Exception {
        ExtractedMetadata m = extractor.extract(corpus("documents/pikepdf/fourpages.pdf"), "application/pdf");

        assertThat(m.technical()).containsEntry("pageCount", 4).containsEntry("format", "application/pdf");
        assertThat(m.raw()).containsKey("document");
    }

    @Test
    void reads_multilingual_pdf_text() throws Exception {
        ExtractedMetadata m = extractor.extract(corpus("documents/debian-refcard/refcard-ru-a4.pdf"), "application/pdf");

        assertThat(m.text()).containsPattern("\\p{IsCyrillic}{4,}");
        assertThat(m.normalized().title()).isNotBlank();
    }

    @Test
    void reads_title_author_and_keywords_of_a_word_document() throws Exception {
        ExtractedMetadata m = extractor.extract(corpus("documents/tika-msoffice/testWORD.docx"),
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document");

        assertThat(m.text()).contains("Sample Word Document");
        assertThat(m.normalized().creator()).isNotBlank();
        assertThat(m.normalized().capturedAt()).isNotNull();
    }

    @Test
    void reads_legacy_office_and_rtf() throws Exception {
        assertThat(extractor.extract(corpus("documents/tika-msoffice/testEXCEL.xls"), "application/vnd.ms-excel").text())
                .isNotBlank();
        assertThat(extractor.extract(corpus("documents/tika-msoffice/testRTF.rtf"), "application/rtf").text())
                .isNotBlank();
    }

    @Test
    void keeps_text_read_before_the_write_limit() throws Exception {
        Path text = Files.writeString(dir.resolve("long.txt"), "word ".repeat(10_000));

        ExtractedMetadata m = new DocumentMetadataExtractor(tika, 100, Duration.ofSeconds(30))
                .extract(text, "text/plain");

        assertThat(m.text()).hasSizeBetween(90, 100).startsWith("word word");
    }

    @Test
    void marks_password_protected_documents_as_encrypted_without_text() throws Exception {
        ExtractedMetadata docx = extractor.extract(corpus("documents/tika-msoffice/testWORD_protected_passtika.docx"),
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document");
        ExtractedMetadata pdf = extractor.extract(corpus("documents/pikepdf/graph-encrypted.pdf"), "application/pdf");

        assertThat(docx.technical()).containsEntry("encrypted", true);
        assertThat(docx.text()).isNull();
        assertThat(pdf.technical()).containsEntry("encrypted", true);
    }

    @Test
    void reports_broken_pdf_as_metadata_exception() {
        assertThatThrownBy(() -> extractor.extract(corpus("documents/pdf-parse/03-invalid.pdf"), "application/pdf"))
                .isInstanceOf(MetadataException.class).hasMessageStartingWith("unreadable document");
    }

    @Test
    void survives_a_truncated_docx() {
        Path truncated = corpus("documents/tika-msoffice/testWORD_truncated.docx");
        try {
            assertThat(extractor.extract(truncated, "application/msword").raw()).isNotNull();
        } catch (MetadataException expected) {
            assertThat(expected.getMessage()).startsWith("unreadable document");
        }
    }
}
