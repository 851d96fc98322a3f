package io.vitrine.rights;

import java.time.Instant;
import java.util.Locale;
import java.util.Set;

/**
 * A right to use assets (kind {@code licence}) or a person's or owner's consent (kind {@code release}):
 * for these channels, in these regions (empty = worldwide), from {@code start} to {@code end}
 * inclusive (null = open). {@code media}: the kinds of asset it covers (image, video, audio, document;
 * empty = all). {@code exclusive}: the licensor granted exclusivity (recorded and shown). {@code
 * covers}: the people or property a release is for.
 */
public record Licence(String id, Kind kind, Set<Channel> channels, Set<String> regions, Instant start, Instant end,
        String licensor, String attribution, String restrictions, Instant createdAt, Set<String> media, boolean exclusive,
        java.util.List<String> covers) {

    public static final Set<String> MEDIA = Set.of("image", "video", "audio", "document");

    /** For every medium, not exclusive, covering nobody in particular. */
    public Licence(String id, Kind kind, Set<Channel> channels, Set<String> regions, Instant start, Instant end,
            String licensor, String attribution, String restrictions, Instant createdAt) {
        this(id, kind, channels, regions, start, end, licensor, attribution, restrictions, createdAt, Set.of(), false,
                java.util.List.of());
    }

    public enum Kind {
        LICENCE, RELEASE;

        public String apiName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public Licence {
        channels = Set.copyOf(channels);
        regions = Set.copyOf(regions);
        media = media == null ? Set.of() : Set.copyOf(media);
        covers = covers == null ? java.util.List.of() : java.util.List.copyOf(covers);
    }

    /** Whether it covers an asset of this media type (image/…, video/…, audio/…, anything else a document). */
    public boolean coversMedia(String mediaType) {
        return media.isEmpty() || media.contains(mediumOf(mediaType));
    }

    public static String mediumOf(String mediaType) {
        String t = mediaType == null ? "" : mediaType;
        return t.startsWith("image/") ? "image" : t.startsWith("video/") ? "video" : t.startsWith("audio/") ? "audio" : "document";
    }

    public boolean coversChannel(Channel c) {
        return channels.contains(c);
    }

    public boolean coversRegion(String region) {
        return regions.isEmpty() || regions.contains(region);
    }

    public boolean inForceAt(Instant now) {
        return (start == null || !now.isBefore(start)) && (end == null || !now.isAfter(end));
    }

    public boolean endedBy(Instant now) {
        return end != null && now.isAfter(end);
    }
}
