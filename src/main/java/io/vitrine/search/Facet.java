package io.vitrine.search;

import java.util.Arrays;
import java.util.Optional;

/** Facets the index counts and filters on; {@code apiName} is the query parameter and response key. */
public enum Facet {
    MEDIA_TYPE("mediaType"),
    YEAR("year"),
    CAMERA_MODEL("cameraModel"),
    KEYWORDS("keywords"),
    STATUS("status"),
    WORKFLOW("workflow"),
    /** "present" when a face detector found faces nobody rejected, "none" when it found none. */
    PEOPLE("people"),
    /** The content risk flags raised on the asset (weapon, personal-data, …): accepted, or drafts sure enough. */
    RISK("risk");

    private final String apiName;

    Facet(String apiName) {
        this.apiName = apiName;
    }

    public String apiName() {
        return apiName;
    }

    public static Optional<Facet> byApiName(String name) {
        return Arrays.stream(values()).filter(f -> f.apiName.equals(name)).findFirst();
    }
}
