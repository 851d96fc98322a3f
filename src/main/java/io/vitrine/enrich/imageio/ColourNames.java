package io.vitrine.enrich.imageio;

import java.util.LinkedHashMap;
import java.util.Map;

/** A small table of everyday colour names (CSS/X11 values); a colour gets the nearest name in Lab. */
final class ColourNames {
    private static final Map<String, Integer> NAMES = new LinkedHashMap<>();

    static {
        NAMES.put("black", 0x000000);
        NAMES.put("dark grey", 0x404040);
        NAMES.put("grey", 0x808080);
        NAMES.put("silver", 0xc0c0c0);
        NAMES.put("white", 0xffffff);
        NAMES.put("red", 0xd62728);
        NAMES.put("dark red", 0x8b0000);
        NAMES.put("pink", 0xffc0cb);
        NAMES.put("magenta", 0xc2185b);
        NAMES.put("orange", 0xff8c00);
        NAMES.put("brown", 0x8b4513);
        NAMES.put("beige", 0xf5f5dc);
        NAMES.put("tan", 0xd2b48c);
        NAMES.put("yellow", 0xffd700);
        NAMES.put("olive", 0x808000);
        NAMES.put("lime", 0x9acd32);
        NAMES.put("green", 0x228b22);
        NAMES.put("dark green", 0x006400);
        NAMES.put("teal", 0x008080);
        NAMES.put("turquoise", 0x40e0d0);
        NAMES.put("sky blue", 0x87ceeb);
        NAMES.put("blue", 0x1f5fbf);
        NAMES.put("navy", 0x000080);
        NAMES.put("purple", 0x800080);
        NAMES.put("lavender", 0xb57edc);
    }

    private ColourNames() {}

    static String nearest(double[] lab) {
        String best = null;
        double bestD = Double.MAX_VALUE;
        for (var e : NAMES.entrySet()) {
            double d = Lab.distance2(lab, Lab.fromRgb(e.getValue()));
            if (d < bestD) {
                bestD = d;
                best = e.getKey();
            }
        }
        return best;
    }
}
