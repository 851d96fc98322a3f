package io.vitrine.asset;

import java.util.List;
import java.util.Map;

/**
 * Metadata people set (source {@code human}). A null field means "not set by a person", so the
 * embedded value, if any, shows through.
 */
public record UserMetadata(
        String title,
        String description,
        List<String> keywords,
        String creator,
        String copyright,
        Map<String, String> custom) {

    public static final UserMetadata EMPTY = new UserMetadata(null, null, null, null, null, Map.of());

    public UserMetadata {
        custom = custom == null ? Map.of() : Map.copyOf(custom);
        keywords = keywords == null ? null : List.copyOf(keywords);
    }
}
