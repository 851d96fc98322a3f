package io.vitrine.ingest.tika;

import io.vitrine.ingest.ContentTypeDetector;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.tika.config.TikaConfig;
import org.apache.tika.detect.Detector;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.mime.MediaType;
import org.apache.tika.mime.MediaTypeRegistry;
import org.apache.tika.mime.MimeTypes;

/**
 * {@link ContentTypeDetector} on Tika's default detector chain (magic bytes plus the ZIP, OLE2 and
 * ISO-BMFF container detectors). The content decides; the file name is used only to report the
 * claimed type and to refine a generic content answer into one of its specializations (text/plain
 * + ".csv" becomes text/csv, application/xml + ".svg" becomes image/svg+xml), never to override
 * it. ISO-BMFF files are named by their ftyp brands first (see {@code IsoBmffBrands}). Aliases
 * are folded to one spelling (see {@code MediaTypeAliases}: image/jpeg, audio/wav,
 * audio/flac, audio/mpeg, image/bmp, application/rtf, ...).
 *
 * <p>Memory stays bounded: {@link TikaInputStream} over a path spools nothing, magic detection
 * reads a short prefix, and the container detectors open the file's central directory (ZIP) or
 * sector tables (OLE2) rather than its whole content.
 */
public final class TikaContentTypeDetector implements ContentTypeDetector {

    private static final MediaType OOXML_PROTECTED =
            MediaType.application("x-tika-ooxml-protected");
    private static final String OOXML_PREFIX = "vnd.openxmlformats-officedocument.";

    private final Detector contentDetector;
    private final MimeTypes nameDetector;
    private final MediaTypeRegistry registry;

    /** @param tika configuration built once by the composition root */
    public TikaContentTypeDetector(TikaConfig tika) {
        this.contentDetector = tika.getDetector();
        this.nameDetector = tika.getMimeRepository();
        this.registry = tika.getMediaTypeRegistry();
    }

    @Override
    public Detection detect(Path file, String filename) throws IOException {
        MediaType claimed = byName(filename);
        MediaType content = Files.size(file) == 0 ? MediaType.OCTET_STREAM : byContent(file);
        MediaType decided = refine(content, claimed);
        String claimedType = claimed == null ? null : MediaTypeAliases.normalize(claimed.toString());
        String mediaType = MediaTypeAliases.normalize(decided.toString());
        boolean mismatch = claimedType != null && !compatible(decided, claimed);
        return new Detection(mediaType, claimedType, mismatch);
    }

    private MediaType byContent(Path file) throws IOException {
        String brand = IsoBmffBrands.detect(file);
        if (brand != null) {
            return MediaType.parse(brand);
        }
        // No resource name in the metadata: the detectors must not see the name at all.
        try (TikaInputStream in = TikaInputStream.get(file)) {
            return registry.normalize(contentDetector.detect(in, new Metadata()).getBaseType());
        }
    }

    private MediaType byName(String filename) throws IOException {
        if (filename == null || filename.isBlank() || filename.indexOf('.') < 0) {
            return null;
        }
        Metadata metadata = new Metadata();
        metadata.set(TikaCoreProperties.RESOURCE_NAME_KEY, filename);
        MediaType type = nameDetector.detect(null, metadata);
        return type == null || MediaType.OCTET_STREAM.equals(type)
                ? null : registry.normalize(type.getBaseType());
    }

    /**
     * A name may narrow a generic content answer to a specialization of it, nothing else. One
     * exception: an encrypted OOXML package is an OLE2 file whose real type is sealed inside, so
     * an OOXML name is the best evidence there is (and the asset is stored either way).
     */
    private MediaType refine(MediaType content, MediaType claimed) {
        if (claimed == null || MediaType.OCTET_STREAM.equals(content)) {
            return content;
        }
        if (OOXML_PROTECTED.equals(content) && claimed.getSubtype().startsWith(OOXML_PREFIX)) {
            return claimed;
        }
        return registry.isSpecializationOf(claimed, content) ? claimed : content;
    }

    private boolean compatible(MediaType decided, MediaType claimed) {
        String a = MediaTypeAliases.normalize(decided.toString());
        String b = MediaTypeAliases.normalize(claimed.toString());
        return a.equals(b) || registry.isSpecializationOf(decided, claimed);
    }
}
