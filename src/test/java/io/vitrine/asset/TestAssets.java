package io.vitrine.asset;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;

/** Small builders for asset rows in tests: plain values, no behaviour. */
public final class TestAssets {
    private static final Ids IDS = new Ids();

    private TestAssets() {}

    public static String newId(Instant at) {
        return IDS.next(at);
    }

    /** A valid blob key derived from {@code seed}, so tests can name contents. */
    public static String sha(String seed) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(md.digest(seed.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A freshly ingested, unprocessed asset. */
    public static Asset processing(String id, String sha256, Instant createdAt) {
        return new Asset(id, "file-" + id + ".jpg", "image/jpeg", "image/jpeg", false, 1234, sha256,
                AssetStatus.PROCESSING, null, null, null, null, UserMetadata.EMPTY, 1, createdAt, createdAt, null,
                List.of());
    }
}
