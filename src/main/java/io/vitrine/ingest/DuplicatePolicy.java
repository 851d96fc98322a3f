package io.vitrine.ingest;

import java.util.Locale;

/** What an upload whose bytes match a live asset does. */
public enum DuplicatePolicy {
    /** Answer with the existing asset; store nothing new. */
    LINK,
    /** Refuse the upload (409). */
    REJECT,
    /** Add the upload as the newest version of the existing asset. */
    VERSION,
    /** Store a separate asset anyway. */
    ALLOW;

    public static DuplicatePolicy parse(String value) {
        if (value == null || value.isBlank()) {
            return LINK;
        }
        try {
            return valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidUploadException("onDuplicate must be one of link, reject, version, allow; got '"
                    + (value.length() > 40 ? value.substring(0, 40) + "…" : value) + "'");
        }
    }
}
