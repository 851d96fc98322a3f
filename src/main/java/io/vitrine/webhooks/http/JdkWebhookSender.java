package io.vitrine.webhooks.http;

import io.vitrine.webhooks.WebhookSender;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/** {@link WebhookSender} over the JDK HTTP client: redirects never followed, bounded waits. */
public final class JdkWebhookSender implements WebhookSender {
    private final HttpClient client;
    private final Duration timeout;

    public JdkWebhookSender(Duration connectTimeout, Duration timeout) {
        this.client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).connectTimeout(connectTimeout).build();
        this.timeout = timeout;
    }

    @Override
    public int post(URI url, Map<String, String> headers, byte[] body) throws IOException {
        HttpRequest.Builder b = HttpRequest.newBuilder(url).timeout(timeout).POST(HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach(b::header);
        try {
            HttpResponse<InputStream> r = client.send(b.build(), HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream in = r.body()) {
                in.readNBytes(4096); // let the connection be reused; the answer's body is not kept
            }
            return r.statusCode();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while sending", e);
        }
    }
}
