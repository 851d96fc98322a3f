package io.vitrine.webhooks;

/** A webhook URL that may not be used: wrong scheme, unresolvable, or aimed at an internal network. */
public final class UnsafeUrlException extends RuntimeException {
    public UnsafeUrlException(String message) {
        super(message);
    }
}
