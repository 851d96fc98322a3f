package io.vitrine.metadata;

/** Tidies a text value for the normalized fields: shared by every extractor adapter. */
public final class MetadataText {

    public static final int MAX_FIELD_CHARS = 4000;

    private MetadataText() {}

    /** Without control characters, trimmed, at most {@link #MAX_FIELD_CHARS}; null when blank. */
    public static String clean(String value) {
        if (value == null) {
            return null;
        }
        String clipped = RawTreeBuilder.clip(value, MAX_FIELD_CHARS).strip();
        return clipped.isEmpty() ? null : clipped;
    }
}
