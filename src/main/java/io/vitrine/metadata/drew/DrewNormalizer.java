package io.vitrine.metadata.drew;

import com.drew.lang.GeoLocation;
import com.drew.lang.Rational;
import com.drew.metadata.Directory;
import com.drew.metadata.Metadata;
import com.drew.metadata.exif.ExifDirectoryBase;
import com.drew.metadata.exif.ExifIFD0Directory;
import com.drew.metadata.exif.ExifSubIFDDirectory;
import com.drew.metadata.exif.GpsDirectory;
import com.drew.metadata.iptc.IptcDirectory;
import io.vitrine.metadata.MetadataText;
import io.vitrine.metadata.NormalizedMetadata;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/** Picks the normalized fields out of EXIF, IPTC and XMP, in that documented order of trust. */
final class DrewNormalizer {

    private static final int MAX_KEYWORDS = 200;

    private final Metadata metadata;
    private final DrewXmp xmp;

    DrewNormalizer(Metadata metadata) {
        this.metadata = metadata;
        this.xmp = new DrewXmp(metadata);
    }

    NormalizedMetadata normalize() {
        return new NormalizedMetadata(
                capturedAt(),
                MetadataText.clean(first(Stream.of(tag(ExifIFD0Directory.class, ExifDirectoryBase.TAG_MAKE),
                        xmp.simple(DrewXmp.NS_TIFF, "Make")))),
                MetadataText.clean(first(Stream.of(tag(ExifIFD0Directory.class, ExifDirectoryBase.TAG_MODEL),
                        xmp.simple(DrewXmp.NS_TIFF, "Model")))),
                gps(),
                MetadataText.clean(first(Stream.of(tag(IptcDirectory.class, IptcDirectory.TAG_BY_LINE),
                        xmp.firstItem("creator"), tag(ExifIFD0Directory.class, ExifDirectoryBase.TAG_ARTIST)))),
                MetadataText.clean(first(Stream.of(tag(ExifIFD0Directory.class, ExifDirectoryBase.TAG_COPYRIGHT),
                        tag(IptcDirectory.class, IptcDirectory.TAG_COPYRIGHT_NOTICE), xmp.localized("rights")))),
                MetadataText.clean(first(Stream.of(tag(IptcDirectory.class, IptcDirectory.TAG_OBJECT_NAME),
                        xmp.localized("title")))),
                MetadataText.clean(first(Stream.of(tag(IptcDirectory.class, IptcDirectory.TAG_CAPTION),
                        xmp.localized("description"),
                        tag(ExifIFD0Directory.class, ExifDirectoryBase.TAG_IMAGE_DESCRIPTION)))),
                keywords());
    }

    private Instant capturedAt() {
        for (ExifSubIFDDirectory exif : metadata.getDirectoriesOfType(ExifSubIFDDirectory.class)) {
            Instant instant = ExifDates.parse(exif.getString(ExifDirectoryBase.TAG_DATETIME_ORIGINAL),
                    exif.getString(ExifDirectoryBase.TAG_TIME_ZONE_ORIGINAL));
            if (instant != null) {
                return instant;
            }
        }
        return Stream.of(xmp.simple(DrewXmp.NS_EXIF, "DateTimeOriginal"),
                        xmp.simple(DrewXmp.NS_PHOTOSHOP, "DateCreated"), xmp.simple(DrewXmp.NS_XMP, "CreateDate"))
                .map(ExifDates::parseIso).filter(i -> i != null).findFirst().orElse(null);
    }

    private NormalizedMetadata.Gps gps() {
        for (GpsDirectory gps : metadata.getDirectoriesOfType(GpsDirectory.class)) {
            GeoLocation location = gps.getGeoLocation();
            if (location == null || location.isZero() || !valid(location)) {
                continue;
            }
            return new NormalizedMetadata.Gps(location.getLatitude(), location.getLongitude(), altitude(gps));
        }
        return null;
    }

    private static boolean valid(GeoLocation location) {
        double lat = location.getLatitude();
        double lon = location.getLongitude();
        return Double.isFinite(lat) && Double.isFinite(lon) && Math.abs(lat) <= 90 && Math.abs(lon) <= 180;
    }

    private static Double altitude(GpsDirectory gps) {
        Rational altitude = gps.getRational(GpsDirectory.TAG_ALTITUDE);
        if (altitude == null || altitude.getDenominator() == 0) {
            return null;
        }
        Integer ref = gps.getInteger(GpsDirectory.TAG_ALTITUDE_REF);
        double metres = altitude.doubleValue();
        return Double.isFinite(metres) ? (ref != null && ref == 1 ? -metres : metres) : null;
    }

    private List<String> keywords() {
        Set<String> keywords = new LinkedHashSet<>();
        for (IptcDirectory iptc : metadata.getDirectoriesOfType(IptcDirectory.class)) {
            String[] values = iptc.getStringArray(IptcDirectory.TAG_KEYWORDS);
            if (values != null) {
                Stream.of(values).map(MetadataText::clean).filter(k -> k != null).forEach(keywords::add);
            }
        }
        xmp.items("subject").stream().map(MetadataText::clean).filter(k -> k != null).forEach(keywords::add);
        return new ArrayList<>(keywords).stream().limit(MAX_KEYWORDS).toList();
    }

    private <D extends Directory> String tag(Class<D> type, int tag) {
        return metadata.getDirectoriesOfType(type).stream()
                .map(d -> d.getString(tag)).map(MetadataText::clean).filter(v -> v != null)
                .findFirst().orElse(null);
    }

    private static String first(Stream<String> candidates) {
        return candidates.map(MetadataText::clean).filter(v -> v != null).findFirst().orElse(null);
    }
}
