package io.vitrine.metadata;

import java.util.Map;

/**
 * What extraction found. {@code width}/{@code height} are display dimensions (after EXIF
 * orientation). {@code technical} holds format facts (durationSeconds, videoCodec, audioCodec,
 * frameRate, pageCount, colorSpace, bitsPerSample, …); {@code raw} the full embedded tree grouped
 * by directory (EXIF IFD0, XMP, IPTC, ffprobe streams, …); {@code text} document text for search,
 * or null.
 */
public record ExtractedMetadata(
        Integer width,
        Integer height,
        Integer orientation,
        NormalizedMetadata normalized,
        Map<String, Object> technical,
        Map<String, Object> raw,
        String text) {

    public static ExtractedMetadata empty() {
        return new ExtractedMetadata(null, null, null, NormalizedMetadata.EMPTY, Map.of(), Map.of(), null);
    }
}
