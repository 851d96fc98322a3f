package io.vitrine.auth;

/** A sign-in through an identity provider that did not work; {@code status} is the HTTP status to answer with. */
public final class SignInException extends RuntimeException {
    private final int status;

    public SignInException(int status, String message) {
        super(message);
        this.status = status;
    }

    public SignInException(int status, String message, Throwable cause) {
        super(message, cause);
        this.status = status;
    }

    public static SignInException unavailable(String what, Throwable cause) {
        return new SignInException(502, "The identity provider could not be reached (" + what + "). Try again in a moment.", cause);
    }

    public static SignInException rejected(String why) {
        return new SignInException(401, why);
    }

    public int status() {
        return status;
    }
}
