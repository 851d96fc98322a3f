package io.vitrine.metadata.drew;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/** EXIF and XMP date strings to instants; a zone-less time is read as UTC (see the extractor). */
final class ExifDates {

    private static final DateTimeFormatter EXIF = DateTimeFormatter.ofPattern("yyyy:MM:dd HH:mm:ss");

    private ExifDates() {}

    /** "2002:07:13 15:58:28" with an optional OffsetTimeOriginal "+02:00"; null when unusable. */
    static Instant parse(String dateTime, String offset) {
        if (dateTime == null || dateTime.strip().length() < 19) {
            return null;
        }
        try {
            LocalDateTime local = LocalDateTime.parse(dateTime.strip().substring(0, 19), EXIF);
            return local.toInstant(zone(offset));
        } catch (DateTimeParseException e) {
            return null; // "0000:00:00 00:00:00" and other camera placeholders
        }
    }

    /** XMP dates: ISO 8601 with or without offset, or a bare date. */
    static Instant parseIso(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.strip();
        try {
            return OffsetDateTime.parse(v).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return v.length() <= 10 ? LocalDate.parse(v).atStartOfDay().toInstant(ZoneOffset.UTC)
                        : LocalDateTime.parse(v).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException e2) {
                return null;
            }
        }
    }

    private static ZoneOffset zone(String offset) {
        if (offset == null || offset.isBlank()) {
            return ZoneOffset.UTC;
        }
        try {
            return ZoneOffset.of(offset.strip());
        } catch (java.time.DateTimeException e) {
            return ZoneOffset.UTC;
        }
    }
}
