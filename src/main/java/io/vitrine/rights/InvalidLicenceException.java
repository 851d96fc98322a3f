package io.vitrine.rights;

/** A licence request that cannot be accepted; the message says why (shown to the caller as a 400). */
public final class InvalidLicenceException extends IllegalArgumentException {
    public InvalidLicenceException(String message) {
        super(message);
    }
}
