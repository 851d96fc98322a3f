package io.vitrine.auth;

/** The user was revoked: nothing new is issued to her (API: 409). */
public final class UserRevokedException extends RuntimeException {
    public UserRevokedException(String message) {
        super(message);
    }
}
