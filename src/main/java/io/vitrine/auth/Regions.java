package io.vitrine.auth;

import java.util.Collection;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/** ISO 3166-1 alpha-2 region codes, upper case; anything else is refused with the offending value. */
public final class Regions {
    private static final Set<String> ISO = Set.of(Locale.getISOCountries());

    private Regions() {}

    public static boolean valid(String code) {
        return code != null && ISO.contains(code);
    }

    /** Normalizes to upper case and sorts; throws {@link IllegalArgumentException} naming an unknown code. */
    public static Set<String> parse(Collection<String> codes) {
        Set<String> out = new TreeSet<>();
        for (String c : codes) {
            String code = c == null ? "" : c.strip().toUpperCase(Locale.ROOT);
            if (!valid(code)) {
                throw new IllegalArgumentException("'" + abbreviate(c) + "' is not an ISO 3166 alpha-2 region code");
            }
            out.add(code);
        }
        return Set.copyOf(out);
    }

    private static String abbreviate(String s) {
        return s == null ? "null" : s.length() > 20 ? s.substring(0, 20) + "…" : s;
    }
}
