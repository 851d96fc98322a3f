package io.vitrine.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Decides whether an SVG can be served to browsers as an image. It reports, never repairs: an
 * unsafe SVG is quarantined by ingest with the reasons given here.
 *
 * <p>Unsafe: scripts, {@code on*} event handlers, {@code javascript:} (and similar) URLs, links or
 * stylesheet URLs that leave the document (anything but {@code #fragment} or a raster
 * {@code data:image/...}), {@code <foreignObject>} and embedded HTML, and any DOCTYPE (entities
 * enable XXE and billion-laughs). The parser is the JDK's StAX with DTDs and external entities
 * off, so the file is read in one streaming pass; files over the size limit are refused unread.
 * Thread-safe.
 */
public final class SvgInspector {

    /** The verdict: safe when {@code reasons} is empty; each reason is shown to users. */
    public record Verdict(List<String> reasons) {
        public Verdict {
            reasons = List.copyOf(reasons);
        }

        public boolean safe() {
            return reasons.isEmpty();
        }
    }

    public static final long DEFAULT_MAX_BYTES = 16L * 1024 * 1024;
    private static final int MAX_REASONS = 20;
    private static final Set<String> FORBIDDEN_ELEMENTS =
            Set.of("script", "foreignobject", "iframe", "embed", "object", "handler", "listener");
    private static final Pattern SCRIPT_URL =
            Pattern.compile("^(javascript|vbscript|livescript|data:text/html)", Pattern.CASE_INSENSITIVE);
    private static final Pattern CSS_URL =
            Pattern.compile("url\\(\\s*['\"]?\\s*([^'\")\\s]*)", Pattern.CASE_INSENSITIVE);
    private static final Pattern CSS_IMPORT = Pattern.compile("@import", Pattern.CASE_INSENSITIVE);
    private static final Pattern INVISIBLE = Pattern.compile("[\\s\\u0000-\\u001f]+");

    private final long maxBytes;

    public SvgInspector() {
        this(DEFAULT_MAX_BYTES);
    }

    public SvgInspector(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    public Verdict inspect(Path svg) throws IOException {
        long size = Files.size(svg);
        if (size > maxBytes) {
            return new Verdict(List.of("larger than " + maxBytes + " bytes (" + size + ")"));
        }
        Set<String> reasons = new LinkedHashSet<>();
        try (InputStream in = Files.newInputStream(svg)) {
            XMLStreamReader reader = hardenedFactory().createXMLStreamReader(in);
            try {
                scan(reader, reasons);
            } finally {
                reader.close();
            }
        } catch (XMLStreamException | RuntimeException e) {
            reasons.add("not well-formed XML: " + summary(e.getMessage()));
        }
        return new Verdict(reasons.stream().limit(MAX_REASONS).toList());
    }

    private static XMLInputFactory hardenedFactory() {
        // The JDK implementation, not whatever StAX provider is on the classpath, so that these
        // properties mean what we think they mean.
        XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        factory.setXMLResolver((publicId, systemId, base, ns) -> {
            throw new XMLStreamException("external entity refused: " + systemId);
        });
        return factory;
    }

    private void scan(XMLStreamReader reader, Set<String> reasons) throws XMLStreamException {
        boolean root = true;
        boolean inStyle = false;
        while (reader.hasNext() && reasons.size() < MAX_REASONS) {
            switch (reader.next()) {
                case XMLStreamConstants.DTD -> reasons.add(dtdReason(reader.getText()));
                case XMLStreamConstants.ENTITY_REFERENCE ->
                        reasons.add("entity reference &" + reader.getLocalName() + ";");
                case XMLStreamConstants.PROCESSING_INSTRUCTION -> processingInstruction(reader, reasons);
                case XMLStreamConstants.START_ELEMENT -> {
                    if (root && !"svg".equals(reader.getLocalName())) {
                        reasons.add("root element is <" + reader.getLocalName() + ">, not <svg>");
                    }
                    root = false;
                    inStyle = "style".equalsIgnoreCase(reader.getLocalName());
                    element(reader, reasons);
                }
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA -> {
                    if (inStyle) {
                        css("<style>", reader.getText(), reasons);
                    }
                }
                case XMLStreamConstants.END_ELEMENT -> inStyle = false;
                default -> { }
            }
        }
    }

    private static String dtdReason(String dtd) {
        return dtd != null && dtd.contains("<!ENTITY")
                ? "DOCTYPE declares entities (XXE / entity expansion)"
                : "DOCTYPE declaration (entities are not allowed)";
    }

    private static void processingInstruction(XMLStreamReader reader, Set<String> reasons) {
        if ("xml-stylesheet".equalsIgnoreCase(reader.getPITarget())) {
            reasons.add("external stylesheet processing instruction: " + clip(reader.getPIData()));
        }
    }

    private void element(XMLStreamReader reader, Set<String> reasons) {
        String name = reader.getLocalName();
        if (FORBIDDEN_ELEMENTS.contains(name.toLowerCase(Locale.ROOT))) {
            reasons.add("<" + name + "> element");
        }
        for (int i = 0; i < reader.getAttributeCount(); i++) {
            attribute(name, reader.getAttributeLocalName(i), reader.getAttributeValue(i), reasons);
        }
    }

    private void attribute(String element, String name, String value, Set<String> reasons) {
        String lower = name.toLowerCase(Locale.ROOT);
        String compact = INVISIBLE.matcher(value).replaceAll("");
        if (lower.startsWith("on")) {
            reasons.add("event handler attribute " + name + " on <" + element + ">");
        } else if (SCRIPT_URL.matcher(compact).find()) {
            reasons.add("javascript: URL in " + name + " on <" + element + ">");
        } else if (lower.equals("href") || lower.equals("src")) {
            String problem = reference(compact);
            if (problem != null) {
                reasons.add(problem + " in " + name + " on <" + element + ">: " + clip(value));
            }
        } else if (lower.equals("style")) {
            css("style attribute on <" + element + ">", value, reasons);
        }
    }

    /** Null when the reference stays inside the document, otherwise what is wrong with it. */
    private static String reference(String url) {
        String lower = url.toLowerCase(Locale.ROOT);
        if (lower.isEmpty() || lower.startsWith("#")) {
            return null;
        }
        if (lower.startsWith("data:image/")) {
            return lower.startsWith("data:image/svg") ? "embedded SVG data URL" : null;
        }
        return "external reference";
    }

    private void css(String where, String text, Set<String> reasons) {
        if (CSS_IMPORT.matcher(text).find()) {
            reasons.add("CSS @import in " + where);
        }
        var urls = CSS_URL.matcher(text);
        while (urls.find()) {
            String target = INVISIBLE.matcher(urls.group(1)).replaceAll("");
            String problem = SCRIPT_URL.matcher(target).find() ? "javascript: URL" : reference(target);
            if (problem != null) {
                reasons.add(problem + " in CSS url() of " + where + ": " + clip(target));
            }
        }
    }

    private static String summary(String message) {
        if (message == null) {
            return "unreadable";
        }
        // JDK StAX messages read "ParseError at [row,col]:[r,c]\nMessage: what"; keep the what.
        String last = message.strip().lines().reduce((a, b) -> b).orElse(message);
        return clip(last.startsWith("Message: ") ? last.substring("Message: ".length()) : last);
    }

    private static String clip(String s) {
        return s == null ? "" : s.length() > 120 ? s.substring(0, 120) + "…" : s;
    }
}
