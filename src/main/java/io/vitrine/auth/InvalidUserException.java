package io.vitrine.auth;

/** A user request that cannot be accepted; the message says why (shown to the caller as a 400). */
public final class InvalidUserException extends IllegalArgumentException {
    public InvalidUserException(String message) {
        super(message);
    }
}
