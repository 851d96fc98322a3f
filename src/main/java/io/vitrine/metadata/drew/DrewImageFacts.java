package io.vitrine.metadata.drew;

import com.drew.metadata.Directory;
import com.drew.metadata.Metadata;
import com.drew.metadata.bmp.BmpHeaderDirectory;
import com.drew.metadata.exif.ExifDirectoryBase;
import com.drew.metadata.exif.ExifIFD0Directory;
import com.drew.metadata.exif.ExifSubIFDDirectory;
import com.drew.metadata.gif.GifHeaderDirectory;
import com.drew.metadata.heif.HeifDirectory;
import com.drew.metadata.icc.IccDirectory;
import com.drew.metadata.jpeg.JpegDirectory;
import com.drew.metadata.photoshop.PsdHeaderDirectory;
import com.drew.metadata.png.PngDirectory;
import com.drew.metadata.webp.WebpDirectory;
import io.vitrine.metadata.MetadataText;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Pixel dimensions, orientation and format facts, from the format's own header first. */
final class DrewImageFacts {

    private static final int MAX_SIDE = 1_000_000;

    /** Where each format keeps its stored (not display) width and height, most trusted first. */
    private static final List<Source> SIZE_SOURCES = List.of(
            new Source(JpegDirectory.class, JpegDirectory.TAG_IMAGE_WIDTH, JpegDirectory.TAG_IMAGE_HEIGHT),
            new Source(PngDirectory.class, PngDirectory.TAG_IMAGE_WIDTH, PngDirectory.TAG_IMAGE_HEIGHT),
            new Source(GifHeaderDirectory.class, GifHeaderDirectory.TAG_IMAGE_WIDTH, GifHeaderDirectory.TAG_IMAGE_HEIGHT),
            new Source(WebpDirectory.class, WebpDirectory.TAG_IMAGE_WIDTH, WebpDirectory.TAG_IMAGE_HEIGHT),
            new Source(BmpHeaderDirectory.class, BmpHeaderDirectory.TAG_IMAGE_WIDTH, BmpHeaderDirectory.TAG_IMAGE_HEIGHT),
            new Source(PsdHeaderDirectory.class, PsdHeaderDirectory.TAG_IMAGE_WIDTH, PsdHeaderDirectory.TAG_IMAGE_HEIGHT),
            new Source(HeifDirectory.class, HeifDirectory.TAG_IMAGE_WIDTH, HeifDirectory.TAG_IMAGE_HEIGHT),
            new Source(ExifIFD0Directory.class, ExifDirectoryBase.TAG_IMAGE_WIDTH, ExifDirectoryBase.TAG_IMAGE_HEIGHT),
            new Source(ExifSubIFDDirectory.class, ExifDirectoryBase.TAG_EXIF_IMAGE_WIDTH,
                    ExifDirectoryBase.TAG_EXIF_IMAGE_HEIGHT));

    private record Source(Class<? extends Directory> type, int widthTag, int heightTag) {}

    private final Metadata metadata;
    private final int[] stored;
    private final Integer orientation;
    private final String format;

    DrewImageFacts(Metadata metadata, String format) {
        this.metadata = metadata;
        this.format = format;
        this.stored = storedSize();
        this.orientation = exifOrientation();
    }

    Integer displayWidth() {
        return stored == null ? null : rotated() ? stored[1] : stored[0];
    }

    Integer displayHeight() {
        return stored == null ? null : rotated() ? stored[0] : stored[1];
    }

    Integer orientation() {
        return orientation;
    }

    /** Orientations 5-8 turn the picture a quarter, as does a HEIF rotation of 90 or 270. */
    private boolean rotated() {
        Integer heifRotation = integer(HeifDirectory.class, HeifDirectory.TAG_IMAGE_ROTATION);
        if (heifRotation != null && metadata.containsDirectoryOfType(HeifDirectory.class)) {
            return heifRotation == 1 || heifRotation == 3; // irot counts quarter turns
        }
        return orientation != null && orientation >= 5;
    }

    private int[] storedSize() {
        for (Source source : SIZE_SOURCES) {
            for (Directory directory : metadata.getDirectoriesOfType(source.type())) {
                Integer width = directory.getInteger(source.widthTag());
                Integer height = directory.getInteger(source.heightTag());
                if (plausible(width) && plausible(height)) {
                    return new int[] {width, height};
                }
            }
        }
        return null;
    }

    private static boolean plausible(Integer side) {
        return side != null && side > 0 && side <= MAX_SIDE;
    }

    private Integer exifOrientation() {
        Integer value = integer(ExifIFD0Directory.class, ExifDirectoryBase.TAG_ORIENTATION);
        return value != null && value >= 1 && value <= 8 ? value : null;
    }

    Map<String, Object> technical() {
        Map<String, Object> technical = new LinkedHashMap<>();
        putIfPresent(technical, "format", format);
        putIfPresent(technical, "colorSpace", colorSpace());
        putIfPresent(technical, "bitsPerSample", bitsPerSample());
        putIfPresent(technical, "hasAlpha", hasAlpha());
        putIfPresent(technical, "iccProfile", description(IccDirectory.class, IccDirectory.TAG_TAG_desc));
        return Map.copyOf(technical);
    }

    private String colorSpace() {
        // EXIF says "Undefined" (uncalibrated) for wide-gamut photos; the ICC profile then knows better.
        String exif = description(ExifSubIFDDirectory.class, ExifDirectoryBase.TAG_COLOR_SPACE);
        String icc = description(IccDirectory.class, IccDirectory.TAG_COLOR_SPACE);
        return exif != null && (icc == null || !exif.equals("Undefined")) ? exif : icc;
    }

    private Integer bitsPerSample() {
        Integer jpeg = integer(JpegDirectory.class, JpegDirectory.TAG_DATA_PRECISION);
        if (jpeg != null) {
            return jpeg;
        }
        Integer png = integer(PngDirectory.class, PngDirectory.TAG_BITS_PER_SAMPLE);
        if (png != null) {
            return png;
        }
        int[] tiff = metadata.getDirectoriesOfType(ExifIFD0Directory.class).stream()
                .map(d -> d.getIntArray(ExifDirectoryBase.TAG_BITS_PER_SAMPLE))
                .filter(a -> a != null && a.length > 0).findFirst().orElse(null);
        return tiff == null ? null : tiff[0];
    }

    private Boolean hasAlpha() {
        Boolean webp = metadata.getDirectoriesOfType(WebpDirectory.class).stream()
                .map(d -> d.getBooleanObject(WebpDirectory.TAG_HAS_ALPHA)).filter(b -> b != null)
                .findFirst().orElse(null);
        if (webp != null) {
            return webp;
        }
        // PNG colour types 4 and 6 carry alpha; a tRNS chunk (not reported here) may add it to others.
        Integer colorType = integer(PngDirectory.class, PngDirectory.TAG_COLOR_TYPE);
        return colorType == null ? null : (colorType == 4 || colorType == 6 ? Boolean.TRUE : null);
    }

    private Integer integer(Class<? extends Directory> type, int tag) {
        return metadata.getDirectoriesOfType(type).stream()
                .map(d -> d.getInteger(tag)).filter(v -> v != null).findFirst().orElse(null);
    }

    private String description(Class<? extends Directory> type, int tag) {
        for (Directory directory : metadata.getDirectoriesOfType(type)) {
            try {
                String value = directory.getDescription(tag);
                if (value != null && !value.isBlank()) {
                    return MetadataText.clean(value);
                }
            } catch (RuntimeException e) {
                // Malformed value: treat as absent.
            }
        }
        return null;
    }

    private static void putIfPresent(Map<String, Object> map, String key, Object value) {
        if (value != null) {
            map.put(key, value);
        }
    }
}
