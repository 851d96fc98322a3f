package io.vitrine.webhooks;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;

/**
 * Which addresses are internal, and why, for the SSRF guard. IPv6 forms that carry an IPv4
 * address (IPv4-mapped {@code ::ffff:a.b.c.d}, IPv4-compatible {@code ::a.b.c.d}, NAT64
 * {@code 64:ff9b::/96}, 6to4 {@code 2002::/16}) are judged by the IPv4 address inside.
 */
final class AddressRanges {
    private AddressRanges() {}

    /** Why {@code a} is not a public unicast address, or empty when it is. */
    static Optional<String> internal(InetAddress a) {
        byte[] b = a.getAddress();
        if (a instanceof Inet6Address) {
            Optional<InetAddress> v4 = embeddedV4(b);
            return v4.isPresent() ? internal(v4.get()).map(r -> r + ", inside an IPv6 address") : v6(b);
        }
        return v4(b);
    }

    private static Optional<String> v4(byte[] b) {
        int x = b[0] & 0xff;
        int y = b[1] & 0xff;
        if (x == 0) {
            return Optional.of("an unspecified address (0.0.0.0/8)");
        } else if (x == 127) {
            return Optional.of("a loopback address (127.0.0.0/8)");
        } else if (x == 10 || (x == 172 && (y & 0xf0) == 16) || (x == 192 && y == 168)) {
            return Optional.of("a private address (RFC 1918)");
        } else if (x == 169 && y == 254) {
            return Optional.of("a link-local address (169.254.0.0/16, where cloud metadata services such as 169.254.169.254 live)");
        } else if (x == 100 && (y & 0xc0) == 64) {
            return Optional.of("a carrier-grade NAT address (100.64.0.0/10)");
        } else if (x >= 224 && x <= 239) {
            return Optional.of("a multicast address (224.0.0.0/4)");
        } else if (x >= 240) {
            return Optional.of("a reserved or broadcast address (240.0.0.0/4)");
        } else if ((x == 192 && y == 0 && (b[2] & 0xff) == 0) || (x == 198 && (y & 0xfe) == 18)) {
            return Optional.of("a special-purpose address (192.0.0.0/24, 198.18.0.0/15)");
        }
        return Optional.empty();
    }

    private static Optional<String> v6(byte[] b) {
        boolean zeroHead = true;
        for (int i = 0; i < 15; i++) {
            zeroHead &= b[i] == 0;
        }
        if (zeroHead && b[15] == 1) {
            return Optional.of("a loopback address (::1)");
        } else if (zeroHead && b[15] == 0) {
            return Optional.of("an unspecified address (::)");
        } else if ((b[0] & 0xfe) == 0xfc) {
            return Optional.of("a unique local IPv6 address (fc00::/7)");
        } else if ((b[0] & 0xff) == 0xfe && (b[1] & 0xc0) == 0x80) {
            return Optional.of("a link-local IPv6 address (fe80::/10)");
        } else if ((b[0] & 0xff) == 0xfe && (b[1] & 0xc0) == 0xc0) {
            return Optional.of("a site-local IPv6 address (fec0::/10)");
        } else if ((b[0] & 0xff) == 0xff) {
            return Optional.of("a multicast address (ff00::/8)");
        }
        return Optional.empty();
    }

    private static Optional<InetAddress> embeddedV4(byte[] b) {
        boolean zero10 = true;
        for (int i = 0; i < 10; i++) {
            zero10 &= b[i] == 0;
        }
        boolean mapped = zero10 && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff;
        boolean compatible = zero10 && b[10] == 0 && b[11] == 0 && !(b[12] == 0 && b[13] == 0 && b[14] == 0);
        boolean nat64 = b[0] == 0 && b[1] == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b;
        if (mapped || compatible || nat64) {
            return Optional.of(address(b[12], b[13], b[14], b[15]));
        }
        if (b[0] == 0x20 && b[1] == 0x02) {
            return Optional.of(address(b[2], b[3], b[4], b[5]));
        }
        return Optional.empty();
    }

    private static InetAddress address(byte... b) {
        try {
            return Inet4Address.getByAddress(b);
        } catch (UnknownHostException e) {
            throw new IllegalStateException("four bytes are always an IPv4 address", e);
        }
    }
}
