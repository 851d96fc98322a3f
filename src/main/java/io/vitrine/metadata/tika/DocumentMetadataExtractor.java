package io.vitrine.metadata.tika;

import io.vitrine.metadata.ExtractedMetadata;
import io.vitrine.metadata.MetadataException;
import io.vitrine.metadata.MetadataExtractor;
import io.vitrine.metadata.TimeLimit;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Duration;
import org.apache.tika.config.TikaConfig;
import org.apache.tika.exception.EncryptedDocumentException;
import org.apache.tika.exception.TikaException;
import org.apache.tika.exception.WriteLimitReachedException;
import org.apache.tika.extractor.EmbeddedDocumentExtractor;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.parser.AutoDetectParser;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.parser.Parser;
import org.apache.tika.parser.ocr.TesseractOCRConfig;
import org.apache.tika.parser.pdf.PDFParserConfig;
import org.apache.tika.sax.BodyContentHandler;
import org.xml.sax.ContentHandler;

/**
 * Document text and properties (PDF, Office, OpenDocument, RTF, plain text) through Tika's
 * AutoDetectParser, with OCR off (no Tesseract run, no inline PDF images extracted), embedded
 * documents not parsed, text capped at {@link #DEFAULT_TEXT_LIMIT} characters (the text read
 * before the cap is kept), and a time limit per file.
 *
 * <p>Password-protected documents are not an error: the asset is worth storing, so what the
 * container reveals is returned with {@code technical.encrypted = true} and no text. Broken files
 * raise {@link MetadataException}. Thread-safe.
 */
public final class DocumentMetadataExtractor implements MetadataExtractor {

    public static final int DEFAULT_TEXT_LIMIT = 1_000_000;
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);

    private final Parser parser;
    private final int textLimit;
    private final Duration timeout;

    /** @param tika configuration built once by the composition root */
    public DocumentMetadataExtractor(TikaConfig tika) {
        this(tika, DEFAULT_TEXT_LIMIT, DEFAULT_TIMEOUT);
    }

    public DocumentMetadataExtractor(TikaConfig tika, int textLimit, Duration timeout) {
        this.parser = new AutoDetectParser(tika);
        this.textLimit = textLimit;
        this.timeout = timeout;
    }

    @Override
    public ExtractedMetadata extract(Path file, String mediaType) throws MetadataException {
        return TimeLimit.run("metadata-document", timeout, () -> parse(file));
    }

    private ExtractedMetadata parse(Path file) throws Exception {
        Metadata metadata = new Metadata();
        BodyContentHandler text = new BodyContentHandler(textLimit);
        try (InputStream in = TikaInputStream.get(file, metadata)) {
            parser.parse(in, text, metadata, context());
        } catch (EncryptedDocumentException e) {
            return TikaMapper.map(metadata, null, true);
        } catch (TikaException e) {
            throw new MetadataException("unreadable document: " + reason(e), e);
        } catch (Exception e) {
            if (!WriteLimitReachedException.isWriteLimitReached(e)) {
                throw e;
            }
            // The cap is reached: what was read so far is the text we keep.
        }
        return TikaMapper.map(metadata, text.toString(), false);
    }

    private static ParseContext context() {
        ParseContext context = new ParseContext();
        TesseractOCRConfig ocr = new TesseractOCRConfig();
        ocr.setSkipOcr(true);
        context.set(TesseractOCRConfig.class, ocr);
        PDFParserConfig pdf = new PDFParserConfig();
        pdf.setExtractInlineImages(false);
        pdf.setOcrStrategy(PDFParserConfig.OCR_STRATEGY.NO_OCR);
        context.set(PDFParserConfig.class, pdf);
        context.set(EmbeddedDocumentExtractor.class, NoEmbedded.INSTANCE);
        return context;
    }

    private static String reason(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return message.length() > 300 ? message.substring(0, 300) : message;
    }

    /** Attachments, embedded sheets and images are assets of their own, not this one's text. */
    private enum NoEmbedded implements EmbeddedDocumentExtractor {
        INSTANCE;

        @Override
        public boolean shouldParseEmbedded(Metadata metadata) {
            return false;
        }

        @Override
        public void parseEmbedded(InputStream stream, ContentHandler handler, Metadata metadata, boolean outputHtml) {
            // never called: shouldParseEmbedded says no
        }
    }
}
