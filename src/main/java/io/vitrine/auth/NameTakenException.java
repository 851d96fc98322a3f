package io.vitrine.auth;

/** A group name that another group already has (409: the request is fine, the state is not). */
public final class NameTakenException extends RuntimeException {
    public NameTakenException(String message) {
        super(message);
    }
}
