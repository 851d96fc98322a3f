package io.vitrine.duplicate;

import java.time.Instant;

/**
 * What near-duplicate detection knows of one asset: its perceptual hashes (of the preview, with
 * orientation applied), its dimensions turned the way the preview is, capture time and camera from
 * the metadata, and the content hash of the original (equal = exact copy).
 */
public record Fingerprint(String assetId, String contentSha256, ImageHashes hashes, Integer width, Integer height,
        Instant capturedAt, String camera) {

    /** The pHash's four 16-bit quarters: the indexed lookup keys (see V10__duplicates.sql). */
    public static int[] bands(long phash) {
        int[] out = new int[4];
        for (int i = 0; i < 4; i++) {
            out[i] = (int) ((phash >>> (16 * i)) & 0xFFFF);
        }
        return out;
    }

    Double aspect() {
        return width == null || height == null || height == 0 ? null : (double) width / height;
    }
}
