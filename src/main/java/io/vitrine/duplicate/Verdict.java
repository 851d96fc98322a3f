package io.vitrine.duplicate;

import java.util.Locale;

/** How two assets relate, from the strongest claim (same bytes) to the weakest (looks alike). */
public enum Verdict {
    /** The same bytes (same SHA-256). */
    EXACT,
    /** The same picture at the same size, saved again (other format or quality). */
    RE_ENCODE,
    /** The same picture at another size, same aspect ratio. */
    RESIZED,
    /** A part of the other picture. */
    CROP,
    /** The same picture changed: colours, exposure, retouching, turned by a quarter. */
    EDIT,
    /** Another frame of the same moment: same camera, seconds apart. */
    BURST,
    /** Not the same picture, but alike (same subject, same scene). */
    SIMILAR;

    public String apiName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static Verdict parse(String s) {
        for (Verdict v : values()) {
            if (v.apiName().equals(s)) {
                return v;
            }
        }
        throw new IllegalArgumentException("unknown verdict '" + s + "'");
    }
}
