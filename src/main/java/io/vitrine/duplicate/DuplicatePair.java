package io.vitrine.duplicate;

import java.time.Instant;

/** A found pair ({@code a < b}); {@code evidence} is the JSON of {@link Evidence}; status open | confirmed | dismissed. */
public record DuplicatePair(String a, String b, Verdict verdict, String evidence, Status status, String decidedBy,
        Instant decidedAt, Instant foundAt) {

    public enum Status {
        OPEN, CONFIRMED, DISMISSED;

        public String apiName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        public static Status parse(String s) {
            for (Status v : values()) {
                if (v.apiName().equals(s)) {
                    return v;
                }
            }
            throw new IllegalArgumentException("unknown status '" + s + "'");
        }
    }

    /** The other asset of the pair. */
    public String other(String assetId) {
        return a.equals(assetId) ? b : a;
    }
}
