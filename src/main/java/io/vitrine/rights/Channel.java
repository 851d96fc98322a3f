package io.vitrine.rights;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Where a use of an asset appears; licences grant a set of these. */
public enum Channel {
    WEB, SOCIAL, PRINT, OOH, BROADCAST, INTERNAL;

    public String apiName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Channel> byApiName(String name) {
        return Arrays.stream(values()).filter(c -> c.apiName().equals(name)).findFirst();
    }
}
