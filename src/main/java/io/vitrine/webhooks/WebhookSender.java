package io.vitrine.webhooks;

import java.io.IOException;
import java.net.URI;
import java.util.Map;

/**
 * Posts one message. Contract: never follows redirects (a 3xx is an answer like any other),
 * gives up after the configured connect and read timeouts with an {@link IOException}, and
 * reads at most a little of the answer.
 */
public interface WebhookSender {
    /** The HTTP status the receiver answered. */
    int post(URI url, Map<String, String> headers, byte[] body) throws IOException;
}
