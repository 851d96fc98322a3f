package io.vitrine.rendition.vips;

import java.util.Arrays;
import java.util.stream.Collectors;

/** Turns libvips' multi-line error buffer into one readable sentence for the asset's failure reason. */
final class Reasons {
    private Reasons() {}

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
