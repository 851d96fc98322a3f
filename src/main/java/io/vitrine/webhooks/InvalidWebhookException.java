package io.vitrine.webhooks;

/** A subscription request that cannot be stored as sent (the message says what to fix). */
public final class InvalidWebhookException extends RuntimeException {
    public InvalidWebhookException(String message) {
        super(message);
    }
}
