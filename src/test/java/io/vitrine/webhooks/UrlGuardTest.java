package io.vitrine.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UrlGuardTest {
    /** Resolves every name to the address written in it ("x-10.0.0.5.test" → 10.0.0.5), like a rebinding DNS server would. */
    static final UrlGuard.Resolver FAKE_DNS = host -> host.startsWith("x-")
            ? new InetAddress[] {InetAddress.getByName(host.substring(2, host.length() - 5))}
            : InetAddress.getAllByName(host);

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "http://127.0.0.1/hook | loopback",
            "http://127.8.9.10:8080/ | loopback",
            "http://localhost/ | loopback",
            "http://[::1]/ | loopback address (::1)",
            "http://[::ffff:127.0.0.1]/ | loopback",
            "http://[::ffff:7f00:1]/ | loopback",
            "http://10.1.2.3/ | private address (RFC 1918)",
            "http://172.16.0.1/ | private address (RFC 1918)",
            "http://172.31.255.255/ | private address (RFC 1918)",
            "http://192.168.1.1/ | private address (RFC 1918)",
            "http://169.254.169.254/latest/meta-data/ | 169.254.169.254",
            "http://100.64.0.1/ | carrier-grade NAT",
            "http://0.0.0.0/ | unspecified",
            "http://[::]/ | unspecified",
            "http://224.0.0.1/ | multicast",
            "http://[ff02::1]/ | multicast",
            "http://[fd00::1]/ | unique local",
            "http://[fe80::1]/ | link-local IPv6",
            "http://[64:ff9b::a00:1]/ | private address (RFC 1918), inside an IPv6 address",
            "http://[2002:a9fe:a9fe::1]/ | link-local address",
            "http://x-10.0.0.5.test/ | resolves to 10.0.0.5",
    })
    void refuses_internal_targets_naming_the_reason(String url, String reason) {
        UrlGuard guard = new UrlGuard(List.of(), FAKE_DNS);
        assertThatThrownBy(() -> guard.check(url)).isInstanceOf(UnsafeUrlException.class).hasMessageContaining(reason)
                .hasMessageContaining("VITRINE_WEBHOOK_ALLOW");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "ftp://example.com/ | must use http or https",
            "file:///etc/passwd | must use http or https",
            "gopher://x/ | must use http or https",
            "https://user:pw@8.8.8.8/ | credentials",
            "http:///nohost | no host",
            "http://no such host/ | not a valid URL",
            "https://does-not-exist.invalid/ | does not resolve",
    })
    void refuses_what_is_not_a_plain_web_address(String url, String reason) {
        assertThatThrownBy(() -> new UrlGuard(List.of(), FAKE_DNS).check(url)).isInstanceOf(UnsafeUrlException.class)
                .hasMessageContaining(reason);
    }

    @Test
    void accepts_public_addresses() {
        UrlGuard guard = new UrlGuard(List.of(), FAKE_DNS);
        assertThat(guard.check("https://8.8.8.8/hook").getHost()).isEqualTo("8.8.8.8");
        assertThat(guard.check("http://[2001:4860:4860::8888]/").getPort()).isEqualTo(-1);
        assertThat(guard.check("http://x-172.32.0.1.test/")).isNotNull();
    }

    @Test
    void the_operator_allow_list_opens_exactly_what_it_names() {
        UrlGuard guard = new UrlGuard(List.of("127.0.0.1", "10.0.0.0/8", "hooks.internal", "fd00::/8"), FAKE_DNS);
        assertThat(guard.check("http://127.0.0.1:9000/")).isNotNull();
        assertThat(guard.check("http://x-10.200.1.1.test/")).isNotNull();
        assertThat(guard.check("http://HOOKS.internal/x")).isNotNull();
        assertThat(guard.check("http://[fd12::1]/")).isNotNull();
        assertThatThrownBy(() -> guard.check("http://127.0.0.2/")).hasMessageContaining("loopback");
        assertThatThrownBy(() -> guard.check("http://192.168.0.1/")).hasMessageContaining("RFC 1918");
        assertThatThrownBy(() -> guard.check("http://169.254.169.254/")).hasMessageContaining("link-local");
    }

    @Test
    void a_malformed_allow_list_fails_the_start_naming_the_setting() {
        assertThatThrownBy(() -> new UrlGuard(List.of("10.0.0.0/40"))).hasMessageContaining("VITRINE_WEBHOOK_ALLOW");
        assertThatThrownBy(() -> new UrlGuard(List.of("10.0.0.0/x"))).hasMessageContaining("VITRINE_WEBHOOK_ALLOW");
    }
}
