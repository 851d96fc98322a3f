package io.vitrine.ingest.tika;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

/**
 * Reads the ISO-BMFF {@code ftyp} box (major and compatible brands) to name MP4, HEIC, AVIF and
 * friends. Tika's magic table confuses these (an ffmpeg MP4 came out as video/quicktime, a
 * {@code mif1}+{@code heic} photo as image/heif), while the brands say it exactly. Reads at most
 * one small box from the start of the file.
 */
final class IsoBmffBrands {

    private static final int MAX_FTYP = 4096;

    private IsoBmffBrands() {}

    /** The media type the brands name, or null when the file has no ftyp box or unknown brands. */
    static String detect(Path file) throws IOException {
        byte[] box = readFtyp(file);
        if (box == null) {
            return null;
        }
        String major = new String(box, 8, 4, StandardCharsets.ISO_8859_1);
        Set<String> compatible = new HashSet<>();
        for (int i = 16; i + 4 <= box.length; i += 4) {
            compatible.add(new String(box, i, 4, StandardCharsets.ISO_8859_1));
        }
        return byMajor(major.trim(), compatible);
    }

    private static byte[] readFtyp(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] header = in.readNBytes(8);
            if (header.length < 8 || !"ftyp".equals(new String(header, 4, 4, StandardCharsets.ISO_8859_1))) {
                return null;
            }
            long size = ((header[0] & 0xFFL) << 24) | ((header[1] & 0xFFL) << 16)
                    | ((header[2] & 0xFFL) << 8) | (header[3] & 0xFFL);
            if (size < 16 || size > MAX_FTYP) {
                return null;
            }
            byte[] box = new byte[(int) size];
            System.arraycopy(header, 0, box, 0, 8);
            int read = in.readNBytes(box, 8, box.length - 8);
            return read == box.length - 8 ? box : null;
        }
    }

    private static String byMajor(String major, Set<String> compatible) {
        return switch (major) {
            case "heic", "heix", "heim", "heis", "hevc", "hevx" -> "image/heic";
            case "avif", "avis" -> "image/avif";
            case "mif1", "msf1" -> byCompatibleImage(compatible);
            case "qt" -> "video/quicktime";
            case "M4A", "M4B", "M4P" -> "audio/mp4";
            case "crx" -> "image/x-canon-cr3";
            case "3gp4", "3gp5", "3gp6", "3gp7", "3ge6", "3ge7", "3gg6" -> "video/3gpp";
            case "3g2a", "3g2b", "3g2c" -> "video/3gpp2";
            case "isom", "iso2", "iso3", "iso4", "iso5", "iso6", "mp41", "mp42", "avc1", "dash",
                 "M4V", "M4VH", "M4VP", "mmp4", "MSNV", "f4v" -> "video/mp4";
            default -> null;
        };
    }

    private static String byCompatibleImage(Set<String> compatible) {
        if (compatible.contains("avif") || compatible.contains("avis")) {
            return "image/avif";
        }
        if (compatible.contains("heic") || compatible.contains("heix") || compatible.contains("hevc")) {
            return "image/heic";
        }
        return "image/heif";
    }
}
