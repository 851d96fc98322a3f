package io.vitrine.rendition.vips;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Set;

/**
 * Removes EXIF, XMP and ICC chunks from a WebP file. libvips 8.14's webpsave ignores {@code strip} and
 * always writes EXIF (GPS included), so we rewrite the RIFF container ourselves: drop those chunks, clear
 * their flags in the VP8X header and fix the RIFF size.
 */
final class WebpMetadata {
    private static final Set<String> METADATA_CHUNKS = Set.of("EXIF", "XMP ", "ICCP");
    private static final int VP8X_METADATA_FLAGS = 0x20 | 0x08 | 0x04; // ICC, EXIF, XMP

    private WebpMetadata() {}

    static byte[] strip(byte[] webp) {
        ByteBuffer in = ByteBuffer.wrap(webp).order(ByteOrder.LITTLE_ENDIAN);
        if (webp.length < 12 || !fourCc(webp, 0).equals("RIFF") || !fourCc(webp, 8).equals("WEBP")) {
            throw new IllegalArgumentException("not a WebP file");
        }
        var out = new ByteArrayOutputStream(webp.length);
        out.write(webp, 0, 12);
        for (int at = 12; at + 8 <= webp.length; ) {
            String type = fourCc(webp, at);
            int size = in.getInt(at + 4);
            int padded = 8 + size + (size & 1);
            if (size < 0 || at + padded > webp.length) {
                throw new IllegalArgumentException("corrupt WebP chunk " + type);
            }
            if (!METADATA_CHUNKS.contains(type)) {
                int start = out.size();
                out.write(webp, at, padded);
                if (type.equals("VP8X")) {
                    clearFlags(out, start);
                }
            }
            at += padded;
        }
        byte[] result = out.toByteArray();
        ByteBuffer.wrap(result).order(ByteOrder.LITTLE_ENDIAN).putInt(4, result.length - 8);
        return result;
    }

    private static void clearFlags(ByteArrayOutputStream out, int chunkStart) {
        // ByteArrayOutputStream cannot patch in place; rewrite its content with the flag byte changed.
        byte[] content = out.toByteArray();
        content[chunkStart + 8] &= (byte) ~VP8X_METADATA_FLAGS;
        out.reset();
        out.write(content, 0, content.length);
    }

    private static String fourCc(byte[] data, int at) {
        return new String(data, at, 4, StandardCharsets.US_ASCII);
    }
}
