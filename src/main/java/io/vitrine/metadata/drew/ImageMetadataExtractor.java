package io.vitrine.metadata.drew;

import com.drew.imaging.FileType;
import com.drew.imaging.FileTypeDetector;
import com.drew.imaging.ImageMetadataReader;
import com.drew.imaging.ImageProcessingException;
import com.drew.metadata.Metadata;
import io.vitrine.metadata.ExtractedMetadata;
import io.vitrine.metadata.MetadataException;
import io.vitrine.metadata.MetadataExtractor;
import io.vitrine.metadata.TimeLimit;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Image metadata (EXIF, IPTC, XMP, ICC, format headers) through metadata-extractor, for JPEG,
 * TIFF and camera RAW, PNG, GIF, WebP, BMP, HEIC/AVIF, PSD and the other formats it knows; other
 * files give {@link ExtractedMetadata#empty()}.
 *
 * <p>{@code capturedAt} is EXIF DateTimeOriginal with OffsetTimeOriginal when present. Without an
 * offset the camera's local wall-clock time is stored <em>as if it were UTC</em>: the true zone is
 * unknown, and this keeps the displayed date and time what the camera showed. XMP
 * exif:DateTimeOriginal / photoshop:DateCreated / xmp:CreateDate are used when EXIF has none.
 * GPS exactly at (0, 0) is treated as "no fix". Width and height are display dimensions: swapped
 * for EXIF orientations 5-8 and for a HEIF rotation of 90/270.
 *
 * <p>Each file is parsed on a named thread under a time limit; anything the parser throws becomes
 * {@link MetadataException}. Thread-safe.
 */
public final class ImageMetadataExtractor implements MetadataExtractor {

    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

    private final Duration timeout;

    public ImageMetadataExtractor() {
        this(DEFAULT_TIMEOUT);
    }

    public ImageMetadataExtractor(Duration timeout) {
        this.timeout = timeout;
    }

    @Override
    public ExtractedMetadata extract(Path file, String mediaType) throws MetadataException {
        return TimeLimit.run("metadata-image", timeout, () -> read(file));
    }

    private static ExtractedMetadata read(Path file) throws IOException, MetadataException {
        long size = Files.size(file);
        try (InputStream raw = Files.newInputStream(file);
                BufferedInputStream in = new BufferedInputStream(raw, 64 * 1024)) {
            FileType type = FileTypeDetector.detectFileType(in);
            if (type == FileType.Unknown) {
                return ExtractedMetadata.empty();
            }
            Metadata metadata = ImageMetadataReader.readMetadata(in, size, type);
            return toExtracted(metadata, type);
        } catch (ImageProcessingException e) {
            throw new MetadataException("unreadable image metadata: " + e.getMessage(), e);
        }
    }

    private static ExtractedMetadata toExtracted(Metadata metadata, FileType type) {
        DrewImageFacts facts = new DrewImageFacts(metadata, type.getName());
        return new ExtractedMetadata(
                facts.displayWidth(),
                facts.displayHeight(),
                facts.orientation(),
                new DrewNormalizer(metadata).normalize(),
                facts.technical(),
                DrewRawTree.of(metadata),
                null);
    }
}
