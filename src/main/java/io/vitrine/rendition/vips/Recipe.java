package io.vitrine.rendition.vips;

import java.util.List;

/**
 * One rendition recipe: a box size (longest side), an encoding and a versioned key. Bump the version
 * whenever output for the same input changes, so stored renditions are recognisably stale.
 */
record Recipe(String name, String key, int size, Encoding encoding, int quality) {

    enum Encoding {
        JPEG("vips_jpegsave", "jpg", "image/jpeg"),
        WEBP("vips_webpsave", "webp", "image/webp"),
        PNG("vips_pngsave", "png", "image/png");

        final String saver;
        final String extension;
        final String mediaType;

        Encoding(String saver, String extension, String mediaType) {
            this.saver = saver;
            this.extension = extension;
            this.mediaType = mediaType;
        }
    }

    static final Recipe WEB = new Recipe("web", "web@v1", 2048, Encoding.WEBP, 80);
    static final Recipe PREVIEW = new Recipe("preview", "preview@v1", 1024, Encoding.JPEG, 85);
    static final Recipe THUMB = new Recipe("thumb", "thumb@v1", 256, Encoding.JPEG, 80);

    /** Largest first: each smaller rendition is derived from the one before, so the source is decoded once. */
    static final List<Recipe> STILLS = List.of(WEB, PREVIEW, THUMB);

    String fileName() {
        return name + "." + encoding.extension;
    }
}
