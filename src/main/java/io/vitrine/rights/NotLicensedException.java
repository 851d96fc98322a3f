package io.vitrine.rights;

/** A use the asset's licences do not cover; the message names what is missing. */
public final class NotLicensedException extends RuntimeException {
    public NotLicensedException(String detail) {
        super(detail);
    }
}
