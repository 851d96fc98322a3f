package io.vitrine.ingest.tika;

import java.util.Locale;
import java.util.Map;

/**
 * One spelling per media type, so search facets and rendition dispatch never see two names for
 * the same format. We prefer the IANA-registered name where one exists (audio/wav, audio/flac,
 * audio/mpeg, image/bmp) over the x- spellings Tika and browsers still emit.
 */
final class MediaTypeAliases {

    private static final Map<String, String> PREFERRED = Map.ofEntries(
            Map.entry("image/jpg", "image/jpeg"),
            Map.entry("image/pjpeg", "image/jpeg"),
            Map.entry("image/x-png", "image/png"),
            Map.entry("image/x-ms-bmp", "image/bmp"),
            Map.entry("image/x-bmp", "image/bmp"),
            Map.entry("image/heic-sequence", "image/heic"),
            Map.entry("image/heif-sequence", "image/heif"),
            Map.entry("audio/x-wav", "audio/wav"),
            Map.entry("audio/wave", "audio/wav"),
            Map.entry("audio/vnd.wave", "audio/wav"),
            Map.entry("audio/x-flac", "audio/flac"),
            Map.entry("audio/mp3", "audio/mpeg"),
            Map.entry("audio/x-mpeg", "audio/mpeg"),
            Map.entry("audio/x-aiff", "audio/aiff"),
            Map.entry("audio/x-m4a", "audio/mp4"),
            Map.entry("audio/vorbis", "audio/ogg"),
            Map.entry("audio/opus", "audio/ogg"),
            Map.entry("audio/x-oggflac", "audio/ogg"),
            Map.entry("audio/x-oggpcm", "audio/ogg"),
            Map.entry("video/x-m4v", "video/mp4"),
            Map.entry("application/x-pdf", "application/pdf"),
            Map.entry("text/rtf", "application/rtf"),
            Map.entry("text/xml", "application/xml"));

    private MediaTypeAliases() {}

    /** Lower-cases, drops parameters and maps aliases to the preferred name. */
    static String normalize(String mediaType) {
        if (mediaType == null || mediaType.isBlank()) {
            return "application/octet-stream";
        }
        String bare = mediaType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        return PREFERRED.getOrDefault(bare, bare);
    }
}
