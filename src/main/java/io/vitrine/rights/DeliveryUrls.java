package io.vitrine.rights;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signed delivery URLs: the asset, the rendition ({@code original} for the master file), the use
 * (channel, region) and the expiry are HMAC-SHA256-signed claims, so the link works without a token
 * and none of them can be changed. Licences are checked again when the link is used.
 */
public final class DeliveryUrls {
    public static final Duration MAX_LIFETIME = Duration.ofDays(7);

    private final byte[] key;
    private final Clock clock;

    public DeliveryUrls(byte[] key, Clock clock) {
        if (key.length < 32) {
            throw new IllegalArgumentException("the signing key must have at least 32 bytes");
        }
        this.key = key.clone();
        this.clock = clock;
    }

    public record Claims(String assetId, String rendition, Channel channel, String region, long expires) {}

    /** Path and query of a link valid for {@code lifetime}. */
    public String sign(String assetId, String rendition, Use use, Duration lifetime) {
        if (lifetime.isNegative() || lifetime.isZero() || lifetime.compareTo(MAX_LIFETIME) > 0) {
            throw new InvalidLicenceException("'expiresIn' must be 1 to " + MAX_LIFETIME.toSeconds() + " seconds");
        }
        long expires = clock.instant().plus(lifetime).getEpochSecond();
        Claims c = new Claims(assetId, rendition, use.channel(), use.region(), expires);
        return "/delivery/" + assetId + "/" + rendition + "?channel=" + use.channel().apiName() + "&region=" + use.region()
                + "&expires=" + expires + "&sig=" + mac(c);
    }

    /** Throws {@link InvalidSignatureException} for a forged, altered or expired link. */
    public Claims verify(String assetId, String rendition, String channel, String region, String expires, String sig) {
        Channel ch = channel == null ? null : Channel.byApiName(channel).orElse(null);
        long exp;
        try {
            exp = Long.parseLong(expires == null ? "" : expires);
        } catch (NumberFormatException e) {
            throw new InvalidSignatureException("the delivery link is malformed");
        }
        if (ch == null || region == null || sig == null) {
            throw new InvalidSignatureException("the delivery link is malformed");
        }
        Claims c = new Claims(assetId, rendition, ch, region, exp);
        if (!MessageDigest.isEqual(mac(c).getBytes(StandardCharsets.US_ASCII), sig.getBytes(StandardCharsets.US_ASCII))) {
            throw new InvalidSignatureException("the delivery link's signature does not match (altered or forged)");
        }
        if (Instant.ofEpochSecond(exp).isBefore(clock.instant())) {
            throw new InvalidSignatureException("the delivery link expired at " + Instant.ofEpochSecond(exp));
        }
        return c;
    }

    private String mac(Claims c) {
        String payload = String.join("\n", "v1", c.assetId(), c.rendition(), c.channel().apiName(), c.region(),
                Long.toString(c.expires()));
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal(payload.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JVM has no HmacSHA256", e);
        }
    }
}
