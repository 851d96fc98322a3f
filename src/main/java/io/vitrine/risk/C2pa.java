package io.vitrine.risk;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Detects a C2PA manifest store in a file and whether it declares generative AI. A manifest store
 * is a JUMBF superbox whose description box ({@code jumd}) starts with the C2PA UUID, whose first
 * four bytes spell {@code c2pa}; it sits in JPEG APP11 segments, a PNG {@code caBX} chunk or a BMFF
 * {@code uuid} box, normally near the start. Assertions are CBOR, whose text strings are plain
 * UTF-8, so an actions assertion's {@code digitalSourceType} URI is readable without a CBOR parser.
 * The signature is NOT validated: a present manifest says what its writer claimed, nothing more.
 */
final class C2pa {
    /** Manifests precede the pixels in the formats above; beyond this much a file is not scanned. */
    static final int SCAN_BYTES = 8 << 20;
    private static final byte[] JUMD = "jumd".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] C2PA = "c2pa".getBytes(StandardCharsets.US_ASCII);

    /** What the manifest store says: where it starts and the AI code it declares, if any. */
    record Manifest(long offset, Optional<String> aiCode) {}

    private C2pa() {}

    static Optional<Manifest> scan(Path file) throws IOException {
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(SCAN_BYTES);
        }
        return scan(head);
    }

    static Optional<Manifest> scan(byte[] bytes) {
        int at = manifestStart(bytes);
        if (at < 0) {
            return Optional.empty();
        }
        String tail = new String(bytes, at, bytes.length - at, StandardCharsets.ISO_8859_1);
        // the composite code contains the plain one's letters with a capital T, so test it first
        Optional<String> code = tail.contains("compositeWithTrainedAlgorithmicMedia") ? Optional.of("compositeWithTrainedAlgorithmicMedia")
                : tail.contains("/trainedAlgorithmicMedia") ? Optional.of("trainedAlgorithmicMedia") : Optional.empty();
        return Optional.of(new Manifest(at, code));
    }

    /** The offset of the first {@code jumd} box whose UUID begins with {@code c2pa}, or -1. */
    private static int manifestStart(byte[] b) {
        outer:
        for (int i = 0; i + JUMD.length + C2PA.length <= b.length; i++) {
            for (int k = 0; k < JUMD.length; k++) {
                if (b[i + k] != JUMD[k]) {
                    continue outer;
                }
            }
            for (int k = 0; k < C2PA.length; k++) {
                if (b[i + JUMD.length + k] != C2PA[k]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
