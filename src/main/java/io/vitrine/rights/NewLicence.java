package io.vitrine.rights;

import java.time.Instant;
import java.util.List;

/** A licence as a caller describes it; {@link LicenceService#create} validates every field. */
public record NewLicence(String kind, List<String> channels, List<String> regions, Instant start, Instant end,
        String licensor, String attribution, String restrictions, List<String> media, boolean exclusive, List<String> covers) {

    public NewLicence(String kind, List<String> channels, List<String> regions, Instant start, Instant end, String licensor,
            String attribution, String restrictions) {
        this(kind, channels, regions, start, end, licensor, attribution, restrictions, List.of(), false, List.of());
    }
}
