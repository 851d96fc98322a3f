package io.vitrine.ingest;

/**
 * Makes a client-supplied filename safe to store and show: only the last path segment, no control
 * characters, at most 255 characters with the extension kept. It is never used as a path.
 */
public final class Filenames {
    private static final int MAX = 255;

    private Filenames() {}

    public static String clean(String raw) {
        if (raw == null) {
            return "unnamed";
        }
        String name = raw.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1);
        name = name.codePoints()
                .filter(c -> !Character.isISOControl(c) && Character.getType(c) != Character.FORMAT)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
                .toString().strip();
        if (name.isEmpty() || name.equals(".") || name.equals("..")) {
            return "unnamed";
        }
        return shorten(name);
    }

    private static String shorten(String name) {
        if (name.length() <= MAX) {
            return name;
        }
        int dot = name.lastIndexOf('.');
        String ext = dot > 0 && name.length() - dot <= 16 ? name.substring(dot) : "";
        return name.substring(0, MAX - ext.length()) + ext;
    }
}
