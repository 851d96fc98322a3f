package io.vitrine.webhooks;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Refuses webhook URLs that would make the server call into internal networks (SSRF): only http
 * and https, no credentials in the URL, and every address the host resolves to must be public
 * unicast, unless the operator's allow-list ({@code VITRINE_WEBHOOK_ALLOW}: IP addresses, CIDR
 * ranges, host names) names the host or the address. Checked when a subscription is created and
 * again before every delivery, so a name that later resolves inward (DNS rebinding) is caught.
 */
public final class UrlGuard {
    /** Name resolution; the system resolver in production. */
    @FunctionalInterface
    public interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    private record Cidr(BigInteger network, int bits, int width) {
        boolean contains(InetAddress a) {
            byte[] b = a.getAddress();
            return b.length * 8 == width && prefix(new BigInteger(1, b)).equals(network);
        }

        BigInteger prefix(BigInteger v) {
            return v.shiftRight(width - bits);
        }
    }

    private final List<String> hosts = new ArrayList<>();
    private final List<Cidr> ranges = new ArrayList<>();
    private final Resolver resolver;

    public UrlGuard(List<String> allow, Resolver resolver) {
        this.resolver = resolver;
        for (String entry : allow) {
            parse(entry.strip().toLowerCase(Locale.ROOT));
        }
    }

    public UrlGuard(List<String> allow) {
        this(allow, InetAddress::getAllByName);
    }

    private void parse(String entry) {
        if (entry.isEmpty()) {
            return;
        }
        int slash = entry.indexOf('/');
        String addr = slash < 0 ? entry : entry.substring(0, slash);
        if (!addr.matches("[0-9.]+") && !addr.contains(":")) {
            hosts.add(addr);
            return;
        }
        try {
            byte[] b = InetAddress.getByName(addr).getAddress();
            int width = b.length * 8;
            int bits = slash < 0 ? width : Integer.parseInt(entry.substring(slash + 1));
            if (bits < 0 || bits > width) {
                throw new IllegalArgumentException("VITRINE_WEBHOOK_ALLOW: prefix length out of range in '" + entry + "'");
            }
            ranges.add(new Cidr(new BigInteger(1, b).shiftRight(width - bits), bits, width));
        } catch (UnknownHostException | NumberFormatException e) {
            throw new IllegalArgumentException("VITRINE_WEBHOOK_ALLOW: '" + entry + "' is not an IP address, CIDR range or host name", e);
        }
    }

    /** The URL if it may be called now; otherwise an {@link UnsafeUrlException} saying why not. */
    public URI check(String raw) {
        URI uri = parseUri(raw);
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        String bare = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
        if (hosts.contains(bare)) {
            return uri;
        }
        InetAddress[] addresses;
        try {
            addresses = resolver.resolve(bare);
        } catch (UnknownHostException e) {
            throw new UnsafeUrlException("the webhook host '" + bare + "' does not resolve to any address");
        }
        for (InetAddress a : addresses) {
            Optional<String> why = AddressRanges.internal(a);
            if (why.isPresent() && ranges.stream().noneMatch(r -> r.contains(a))) {
                throw new UnsafeUrlException("the webhook host '" + bare + "' resolves to " + a.getHostAddress() + ", " + why.get()
                        + "; webhooks may only call public addresses unless the operator allow-list (VITRINE_WEBHOOK_ALLOW) names it");
            }
        }
        return uri;
    }

    private static URI parseUri(String raw) {
        URI uri;
        try {
            uri = new URI(raw);
        } catch (java.net.URISyntaxException e) {
            throw new UnsafeUrlException("the webhook URL is not a valid URL: " + e.getMessage());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new UnsafeUrlException("the webhook URL must use http or https, not '" + (scheme.isEmpty() ? "(none)" : scheme) + "'");
        }
        if (uri.getHost() == null) {
            throw new UnsafeUrlException("the webhook URL has no host name");
        }
        if (uri.getRawUserInfo() != null) {
            throw new UnsafeUrlException("the webhook URL may not carry credentials (user:password@); sign with the secret instead");
        }
        return uri;
    }
}
