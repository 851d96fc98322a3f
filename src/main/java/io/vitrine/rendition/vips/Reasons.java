package io.vitrine.rendition.vips;

import java.util.Arrays;
import java.util.stream.Collectors;

/** Turns libvips' multi-line error buffer into one readable sentence for the asset's failure reason. */
final class Reasons {
    private Reasons() {}

    private static final java.util.regex.Pattern DAMAGE = java.util.regex.Pattern.compile(
            "(?i)premature end|truncated|unexpected end|read error|not enough data|corrupt");

    /** The reason an original could not be decoded, naming truncation plainly since it is the usual cause. */
    static String decodeFailure(VipsException e) {
        String detail = of(e);
        return DAMAGE.matcher(detail).find()
                ? "image file is truncated or damaged (" + detail + ")"
                : "cannot decode image: " + detail;
    }

    static String of(VipsException e) {
        String text = Arrays.stream(e.getMessage().split("\n"))
                .map(String::strip)
                .filter(line -> !line.isEmpty())
                .distinct()
                .limit(4)
                .collect(Collectors.joining("; "));
        return text.length() <= 400 ? text : text.substring(0, 400) + "…";
    }
}
