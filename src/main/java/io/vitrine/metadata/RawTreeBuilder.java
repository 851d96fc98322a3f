package io.vitrine.metadata;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Builds the {@link ExtractedMetadata#raw()} tree: group (directory, stream…) → key → string,
 * within a character budget so that a hostile file cannot bloat the database. Values are clipped,
 * control characters dropped; entries past the budget are counted, not stored, and reported as
 * {@code "_truncated" → {"droppedEntries": "N"}}. Not thread-safe: one builder per extraction.
 */
public final class RawTreeBuilder {

    public static final int DEFAULT_MAX_CHARS = 256 * 1024;
    public static final int DEFAULT_MAX_VALUE_CHARS = 2048;
    static final String TRUNCATED = "_truncated";

    private final int maxChars;
    private final int maxValueChars;
    private final Map<String, Map<String, String>> groups = new LinkedHashMap<>();
    private int used;
    private int dropped;

    public RawTreeBuilder() {
        this(DEFAULT_MAX_CHARS, DEFAULT_MAX_VALUE_CHARS);
    }

    public RawTreeBuilder(int maxChars, int maxValueChars) {
        this.maxChars = maxChars;
        this.maxValueChars = maxValueChars;
    }

    /** A group name not used yet: {@code name}, else {@code name (2)}, {@code name (3)}, … */
    public String newGroup(String name) {
        String base = clip(name == null || name.isBlank() ? "unnamed" : name, 200);
        String unique = base;
        for (int n = 2; groups.containsKey(unique) || unique.equals(TRUNCATED); n++) {
            unique = base + " (" + n + ")";
        }
        groups.put(unique, new LinkedHashMap<>());
        return unique;
    }

    /** Adds one entry; a repeated key gets a numeric suffix; silently counted when over budget. */
    public void put(String group, String key, String value) {
        if (value == null) {
            return;
        }
        String cleanKey = clip(key == null ? "?" : key, 200);
        String cleanValue = clip(value, maxValueChars);
        int cost = group.length() + cleanKey.length() + cleanValue.length();
        if (used + cost > maxChars) {
            dropped++;
            return;
        }
        Map<String, String> entries = groups.computeIfAbsent(group, g -> new LinkedHashMap<>());
        String unique = cleanKey;
        for (int n = 2; entries.containsKey(unique); n++) {
            unique = cleanKey + " (" + n + ")";
        }
        entries.put(unique, cleanValue);
        used += cost;
    }

    public Map<String, Object> build() {
        Map<String, Object> tree = new LinkedHashMap<>();
        groups.forEach((name, entries) -> {
            if (!entries.isEmpty()) {
                tree.put(name, Collections.unmodifiableMap(new LinkedHashMap<>(entries)));
            }
        });
        if (dropped > 0) {
            tree.put(TRUNCATED, Map.of("droppedEntries", Integer.toString(dropped)));
        }
        return Collections.unmodifiableMap(tree);
    }

    /** Strips control characters (NUL and friends break databases and logs) and caps the length. */
    static String clip(String value, int max) {
        StringBuilder out = new StringBuilder(Math.min(value.length(), max));
        for (int i = 0; i < value.length() && out.length() < max; i++) {
            char c = value.charAt(i);
            if (c >= ' ' || c == '\n' || c == '\t') {
                out.append(c);
            }
        }
        return out.length() < value.length() && out.length() == max ? out + "…" : out.toString().strip();
    }
}
