package io.vitrine.metadata;

import java.nio.file.Path;
import java.util.Locale;

/**
 * Sends each file to the extractor for its media type: images (HEIC/AVIF included) to the image
 * extractor, video and audio to the media extractor, PDF / Office / OpenDocument / RTF / text to
 * the document extractor; anything else (archives, fonts, SVG, unknown) gets
 * {@link ExtractedMetadata#empty()}. SVG is left out on purpose: it is untrusted XML that ingest
 * inspects separately, and its only metadata is a title.
 */
public final class CompositeMetadataExtractor implements MetadataExtractor {

    private final MetadataExtractor images;
    private final MetadataExtractor media;
    private final MetadataExtractor documents;

    public CompositeMetadataExtractor(MetadataExtractor images, MetadataExtractor media, MetadataExtractor documents) {
        this.images = images;
        this.media = media;
        this.documents = documents;
    }

    @Override
    public ExtractedMetadata extract(Path file, String mediaType) throws MetadataException {
        return switch (route(mediaType)) {
            case IMAGE -> images.extract(file, mediaType);
            case MEDIA -> media.extract(file, mediaType);
            case DOCUMENT -> documents.extract(file, mediaType);
            case NONE -> ExtractedMetadata.empty();
        };
    }

    private enum Route { IMAGE, MEDIA, DOCUMENT, NONE }

    private static Route route(String mediaType) {
        String type = mediaType == null ? "" : mediaType.toLowerCase(Locale.ROOT);
        if (type.equals("image/svg+xml")) {
            return Route.NONE;
        }
        if (type.startsWith("image/")) {
            return Route.IMAGE;
        }
        if (type.startsWith("video/") || type.startsWith("audio/")) {
            return Route.MEDIA;
        }
        return isDocument(type) ? Route.DOCUMENT : Route.NONE;
    }

    private static boolean isDocument(String type) {
        return type.startsWith("text/")
                || type.equals("application/pdf")
                || type.equals("application/rtf")
                || type.equals("application/msword")
                || type.startsWith("application/vnd.ms-")
                || type.startsWith("application/vnd.openxmlformats-officedocument.")
                || type.startsWith("application/vnd.oasis.opendocument.")
                || type.equals("application/x-tika-ooxml-protected");
    }
}
