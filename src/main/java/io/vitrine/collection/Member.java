package io.vitrine.collection;

import java.time.Instant;

/** A colleague a collection is shared with: {@code edit} may add and remove assets, {@code view} only look. */
public record Member(String userId, Access access, Instant addedAt) {

    public enum Access {
        VIEW, EDIT;

        public String apiName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        public static java.util.Optional<Access> byApiName(String s) {
            return java.util.Arrays.stream(values()).filter(a -> a.apiName().equals(s)).findFirst();
        }
    }
}
