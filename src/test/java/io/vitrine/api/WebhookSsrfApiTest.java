package io.vitrine.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.vitrine.TestServer;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Without an operator allow-list, webhooks may not point into internal networks (SSRF). */
class WebhookSsrfApiTest {
    @TempDir
    static Path data;

    static TestServer server;
    static GovernanceClient client;

    @BeforeAll
    static void start() {
        server = new TestServer(data, Map.of());
        client = new GovernanceClient(server);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "http://127.0.0.1:8080/hook | resolves to 127.0.0.1, a loopback address",
            "http://localhost/hook | a loopback address",
            "http://[::1]/hook | a loopback address (::1)",
            "http://10.0.0.7/hook | a private address (RFC 1918)",
            "http://169.254.169.254/latest/meta-data/ | 169.254.169.254",
            "http://[::ffff:169.254.169.254]/ | link-local",
            "https://100.100.1.1/ | carrier-grade NAT",
    })
    void an_internal_target_is_refused_with_a_problem_naming_the_reason(String url, String reason) throws Exception {
        HttpResponse<String> r = client.admin("POST", "/api/v1/webhooks", "{\"url\":\"" + url + "\",\"events\":[\"asset.*\"]}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(422);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(client.json(r).path("type").asText()).isEqualTo("/problems/unsafe-webhook-url");
        assertThat(client.json(r).path("detail").asText()).contains(reason).contains("VITRINE_WEBHOOK_ALLOW");
        assertThat(client.json(client.admin("GET", "/api/v1/webhooks", null)).path("webhooks").size()).isZero();
    }
}
