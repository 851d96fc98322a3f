package io.vitrine.rendition.vips;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * libvips hands formats it has no native loader for to ImageMagick, a catch-all for hundreds of coders
 * (some delegating to ghostscript): far too much attack surface for uploads. We let through only simple
 * formats people really upload that have no native loader here, recognised by their magic bytes.
 */
final class MagickAllowList {
    private static final List<byte[]> SIGNATURES = List.of(
            new byte[] {'B', 'M'},        // Windows BMP
            new byte[] {0, 0, 1, 0});     // Windows ICO

    private MagickAllowList() {}

    static boolean permits(Path file) throws IOException {
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(4);
        }
        return SIGNATURES.stream().anyMatch(sig -> head.length >= sig.length
                && Arrays.equals(head, 0, sig.length, sig, 0, sig.length));
    }
}
