package io.vitrine.rights;

/** A delivery link that was forged, altered or has expired (answered with 403). */
public final class InvalidSignatureException extends RuntimeException {
    public InvalidSignatureException(String message) {
        super(message);
    }
}
