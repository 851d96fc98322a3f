package io.vitrine.ingest;

import static io.vitrine.testing.TestMedia.corpus;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SvgInspectorTest {

    private static final String OPEN = "<svg xmlns='http://www.w3.org/2000/svg' "
            + "xmlns:xlink='http://www.w3.org/1999/xlink' width='10' height='10'>";

    private final SvgInspector inspector = new SvgInspector();

    @TempDir Path dir;

    private SvgInspector.Verdict inspect(String body) throws Exception {
        return inspector.inspect(Files.writeString(dir.resolve("t.svg"), body));
    }

    @Test
    void accepts_plain_drawing_with_internal_references() throws Exception {
        var verdict = inspect(OPEN + "<defs><linearGradient id='g'/></defs>"
                + "<rect fill='url(#g)' width='5' height='5' style='fill:url(#g)'/>"
                + "<use xlink:href='#g'/><image href='data:image/png;base64,iVBORw0KGgo='/></svg>");

        assertThat(verdict.safe()).as(verdict.reasons().toString()).isTrue();
    }

    @Test
    void accepts_the_corpus_svgs() throws Exception {
        assertThat(inspector.inspect(corpus("metadata/vips-test-suite/logo.svg")).reasons()).isEmpty();
        assertThat(inspector.inspect(corpus("metadata/vips-test-suite/blankpage.svg")).reasons()).isEmpty();
    }

    @Test
    void flags_svg_with_script_as_unsafe() throws Exception {
        var verdict = inspect(OPEN + "<script>alert(1)</script></svg>");

        assertThat(verdict.safe()).isFalse();
        assertThat(verdict.reasons()).containsExactly("<script> element");
    }

    @Test
    void flags_event_handler_attributes() throws Exception {
        var verdict = inspect(OPEN.replace("width=", "onload='alert(1)' width=") + "</svg>");

        assertThat(verdict.reasons()).containsExactly("event handler attribute onload on <svg>");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "<a href='javascript:alert(1)'><text>x</text></a>",
        "<a xlink:href=' java\tscript:alert(1)'><text>x</text></a>",
        "<animate attributeName='href' to='JavaScript:alert(1)'/>",
    })
    void flags_javascript_urls(String body) throws Exception {
        var verdict = inspect(OPEN + body + "</svg>");

        assertThat(verdict.reasons()).singleElement().asString().startsWith("javascript: URL");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "<image href='https://tracker.example/pixel.png'/>",
        "<use xlink:href='file:///etc/passwd#x'/>",
        "<image xlink:href='other.svg'/>",
        "<rect style='fill:url(http://evil.example/x)'/>",
        "<style>@import url(https://evil.example/a.css);</style>",
        "<image href='data:image/svg+xml;base64,PHN2Zy8+'/>",
    })
    void flags_references_that_leave_the_document(String body) throws Exception {
        var verdict = inspect(OPEN + body + "</svg>");

        assertThat(verdict.safe()).isFalse();
        assertThat(String.join("|", verdict.reasons())).containsAnyOf("external", "@import", "embedded SVG");
    }

    @Test
    void flags_foreign_object() throws Exception {
        var verdict = inspect(OPEN + "<foreignObject><div xmlns='http://www.w3.org/1999/xhtml'>hi</div>"
                + "</foreignObject></svg>");

        assertThat(verdict.reasons()).containsExactly("<foreignObject> element");
    }

    @Test
    void flags_xxe_without_resolving_it() throws Exception {
        var verdict = inspect("<?xml version='1.0'?><!DOCTYPE svg [<!ENTITY xxe SYSTEM 'file:///etc/passwd'>]>"
                + OPEN + "<text>&xxe;</text></svg>");

        assertThat(verdict.safe()).isFalse();
        assertThat(verdict.reasons().getFirst()).isEqualTo("DOCTYPE declares entities (XXE / entity expansion)");
        assertThat(verdict.reasons()).contains("entity reference &xxe;");
        assertThat(String.join("|", verdict.reasons())).as("no file content leaks").doesNotContain("root:");
    }

    @Test
    void flags_billion_laughs_quickly() throws Exception {
        StringBuilder dtd = new StringBuilder("<!DOCTYPE svg [<!ENTITY l0 'lol'>");
        for (int i = 1; i < 10; i++) {
            dtd.append("<!ENTITY l").append(i).append(" '").append(("&l" + (i - 1) + ";").repeat(10)).append("'>");
        }
        var verdict = inspect(dtd + "]>" + OPEN + "<text>&l9;</text></svg>");

        assertThat(verdict.safe()).isFalse();
        assertThat(verdict.reasons()).contains("DOCTYPE declares entities (XXE / entity expansion)");
    }

    @Test
    void flags_malformed_xml_with_reason() throws Exception {
        var verdict = inspect(OPEN + "<rect></svg>");

        assertThat(verdict.reasons()).singleElement().asString().startsWith("not well-formed XML: The element type \"rect\"");
    }

    @Test
    void refuses_files_over_the_size_limit_unread() throws Exception {
        Path big = Files.writeString(dir.resolve("big.svg"), OPEN + " ".repeat(2000) + "</svg>");

        var verdict = new SvgInspector(1000).inspect(big);

        assertThat(verdict.reasons()).singleElement().asString().startsWith("larger than 1000 bytes");
    }

    @Test
    void flags_xml_that_is_not_svg() throws Exception {
        var verdict = inspect("<html><body/></html>");

        assertThat(verdict.reasons()).containsExactly("root element is <html>, not <svg>");
    }
}
