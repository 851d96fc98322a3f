package io.vitrine.rights;

import java.time.Instant;
import java.util.Locale;
import java.util.Set;

/**
 * A right to use assets (kind {@code licence}) or a person's or owner's consent (kind {@code release}):
 * for these channels, in these regions (empty = worldwide), from {@code start} to {@code end}
 * inclusive (null = open).
 */
public record Licence(String id, Kind kind, Set<Channel> channels, Set<String> regions, Instant start, Instant end,
        String licensor, String attribution, String restrictions, Instant createdAt) {

    public enum Kind {
        LICENCE, RELEASE;

        public String apiName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public Licence {
        channels = Set.copyOf(channels);
        regions = Set.copyOf(regions);
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
