package io.vitrine.webhooks;

/** No such subscription, or no such delivery of it. */
public final class WebhookNotFoundException extends RuntimeException {
    public WebhookNotFoundException(String message) {
        super(message);
    }
}
