package io.vitrine.metadata.ffprobe;

import com.fasterxml.jackson.databind.JsonNode;
import io.vitrine.metadata.NormalizedMetadata;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parsing of the loosely typed values ffprobe prints (numbers as strings, "30000/1001", …). */
final class FfprobeFields {

    /** Dates before this are container defaults for "unset" (QuickTime 1904, Unix 1970). */
    private static final Instant EARLIEST = Instant.parse("1971-01-01T00:00:00Z");
    private static final DateTimeFormatter APPLE_OFFSET = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssZ");
    private static final Pattern ISO6709 = Pattern.compile("^([+-]\\d+(?:\\.\\d+)?)([+-]\\d+(?:\\.\\d+)?)([+-]\\d+(?:\\.\\d+)?)?");

    private FfprobeFields() {}

    /** Display-matrix rotation, else the legacy "rotate" tag, in degrees; null when none. */
    static Integer rotation(JsonNode videoStream) {
        for (JsonNode side : videoStream.path("side_data_list")) {
            if (side.has("rotation")) {
                return (int) Math.round(side.path("rotation").asDouble());
            }
        }
        String tag = videoStream.path("tags").path("rotate").asText(null);
        try {
            return tag == null ? null : Integer.parseInt(tag.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    static Instant instant(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        Instant parsed = parse(value.strip());
        return parsed != null && parsed.isAfter(EARLIEST) ? parsed : null;
    }

    private static Instant parse(String v) {
        try {
            return OffsetDateTime.parse(v).toInstant();
        } catch (DateTimeParseException e) {
            // Apple writes "+0200" without a colon; some muxers write no zone at all (read as UTC).
        }
        try {
            return OffsetDateTime.parse(v, APPLE_OFFSET).toInstant();
        } catch (DateTimeParseException e) {
            // next
        }
        try {
            return LocalDateTime.parse(v.replace(' ', 'T')).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** QuickTime location "+48.8577+002.2950+035.000/". */
    static NormalizedMetadata.Gps iso6709(String value) {
        if (value == null) {
            return null;
        }
        Matcher m = ISO6709.matcher(value.strip());
        if (!m.find()) {
            return null;
        }
        double lat = Double.parseDouble(m.group(1));
        double lon = Double.parseDouble(m.group(2));
        if (Math.abs(lat) > 90 || Math.abs(lon) > 180) {
            return null;
        }
        return new NormalizedMetadata.Gps(lat, lon, m.group(3) == null ? null : Double.parseDouble(m.group(3)));
    }

    /** "30000/1001" → 29.97; "0/0" → null; falls back to the second candidate. */
    static Double rate(String average, String real) {
        Double value = fraction(average);
        return value != null ? value : fraction(real);
    }

    private static Double fraction(String value) {
        if (value == null || !value.contains("/")) {
            return null;
        }
        String[] parts = value.split("/", 2);
        try {
            double num = Double.parseDouble(parts[0]);
            double den = Double.parseDouble(parts[1]);
            double rate = num / den;
            return den != 0 && Double.isFinite(rate) && rate > 0 ? Math.round(rate * 1000) / 1000.0 : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    static Integer positiveInt(JsonNode node) {
        Long value = positiveLong(node);
        return value == null || value > Integer.MAX_VALUE ? null : value.intValue();
    }

    static Long positiveLong(JsonNode node) {
        Double value = positiveDouble(node);
        return value == null ? null : value.longValue();
    }

    static Double positiveDouble(JsonNode node) {
        if (node == null || node.isMissingNode() || node.isNull()) {
            return null;
        }
        try {
            double value = node.isNumber() ? node.asDouble() : Double.parseDouble(node.asText().strip());
            return Double.isFinite(value) && value > 0 ? value : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
