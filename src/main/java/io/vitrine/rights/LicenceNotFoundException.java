package io.vitrine.rights;

/** No licence with this id. */
public final class LicenceNotFoundException extends RuntimeException {
    public LicenceNotFoundException(String id) {
        super("no licence with id '" + (id != null && id.length() > 40 ? id.substring(0, 40) + "…" : id) + "'");
    }
}
