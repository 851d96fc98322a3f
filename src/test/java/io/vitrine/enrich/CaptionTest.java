package io.vitrine.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The alt-text draft template. */
class CaptionTest {
    static final Instant T0 = Instant.parse("2026-05-01T10:00:00Z");
    static final Vocabulary VOCABULARY = Vocabulary.bundled();

    private static Face face(Tag.Status status) {
        return new Face(1, new Face.Box(0.1, 0.1, 0.2, 0.2), List.of(), 0.94, status, "yunet_n_640_640", "n-640", T0, null);
    }

    private static ReadText text(String content) {
        return new ReadText(ReadText.OCR, "en", content, 0.9, Tag.Status.DRAFT, "tesseract", "5.3.0+eng", T0);
    }

    @Test
    void names_shown_concepts_people_colours_and_quotes_the_text_read_marked_as_an_ai_draft() {
        var e = new Enrichment(List.of(), List.of(new PaletteColour("#1f5fbf", "blue", 0.6), new PaletteColour("#ffffff", "white", 0.3)),
                null, Map.of(), List.of(face(Tag.Status.DRAFT), face(Tag.Status.ACCEPTED)), List.of(text("Grand\nopening today")),
                List.of(new ConceptScore("balloon", 0.97), new ConceptScore("castle", 0.5)));
        Caption c = Caption.draft(e, VOCABULARY, "en").orElseThrow();
        assertThat(c.text()).isEqualTo("Image of balloon and castle. 2 people. Mostly blue and white. Text: \u201cGrand opening today\u201d.");
        assertThat(c.status()).isEqualTo("draft");
        assertThat(c.source()).isEqualTo("ai");
        assertThat(c.model()).isEqualTo("template@1");
        assertThat(c.language()).isEqualTo("en");
    }

    @Test
    void is_written_in_the_callers_language_with_labels_and_colours_translated_and_the_text_quoted_as_read() {
        var e = new Enrichment(List.of(), List.of(new PaletteColour("#1f5fbf", "blue", 0.6), new PaletteColour("#ffffff", "white", 0.3)),
                null, Map.of(), List.of(face(Tag.Status.DRAFT)), List.of(text("Grand opening")),
                List.of(new ConceptScore("balloon", 0.97)));
        Caption de = Caption.draft(e, VOCABULARY, "de").orElseThrow();
        assertThat(de.text()).isEqualTo("Bild: Ballon. Eine Person. Vorwiegend Blau und Weiß. Text: \u201eGrand opening\u201c.");
        assertThat(de.language()).isEqualTo("de");
        assertThat(Caption.draft(e, VOCABULARY, "zh").orElseThrow().text()).isEqualTo("图片：气球。一人。主要颜色：蓝色、白色。文字：\u201cGrand opening\u201d。");
        assertThat(Caption.draft(e, VOCABULARY, "ja").orElseThrow().language()).isEqualTo("en");
    }

    @Test
    void rejected_faces_are_not_people_and_long_text_is_cut() {
        var e = new Enrichment(List.of(), List.of(), null, Map.of(), List.of(face(Tag.Status.REJECTED)),
                List.of(text("word ".repeat(40))), List.of());
        String caption = Caption.draft(e, VOCABULARY, "en").orElseThrow().text();
        assertThat(caption).doesNotContain("person").startsWith("Text: \u201cword word");
        assertThat(caption).endsWith("\u2026\u201d.");
    }

    @Test
    void nothing_found_gives_no_caption() {
        assertThat(Caption.draft(Enrichment.none(), VOCABULARY, "en")).isEmpty();
    }
}
