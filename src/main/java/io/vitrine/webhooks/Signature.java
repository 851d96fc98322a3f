package io.vitrine.webhooks;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Standard Webhooks signatures (standardwebhooks.com): HMAC-SHA256 over
 * {@code webhook-id + "." + webhook-timestamp + "." + body}, sent as {@code v1,<base64>}. A secret
 * of the form {@code whsec_<base64>} is used as the key bytes it encodes (so the standard libraries
 * verify it as is); any other secret is used as its UTF-8 bytes.
 */
public final class Signature {
    private static final String PREFIX = "whsec_";

    private Signature() {}

    public static String sign(String secret, String messageId, long timestampSeconds, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key(secret), "HmacSHA256"));
            mac.update((messageId + "." + timestampSeconds + ".").getBytes(StandardCharsets.UTF_8));
            return "v1," + Base64.getEncoder().encodeToString(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    static byte[] key(String secret) {
        if (secret.startsWith(PREFIX)) {
            try {
                return Base64.getDecoder().decode(secret.substring(PREFIX.length()));
            } catch (IllegalArgumentException e) {
                // not base64 after all: the whole string is the key, as for any other secret
            }
        }
        return secret.getBytes(StandardCharsets.UTF_8);
    }

    /** A new random secret in the standard form. */
    public static String newSecret() {
        byte[] b = new byte[24];
        new java.security.SecureRandom().nextBytes(b);
        return PREFIX + Base64.getEncoder().encodeToString(b);
    }
}
