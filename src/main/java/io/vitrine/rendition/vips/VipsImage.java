package io.vitrine.rendition.vips;

import java.lang.foreign.MemorySegment;

/**
 * A reference to a {@code VipsImage*}. Closing drops our reference ({@code g_object_unref}); images are
 * lazy pipelines, so an image keeps its inputs alive until it is closed.
 */
final class VipsImage implements AutoCloseable {
    private final Vips vips;
    private MemorySegment pointer;

    VipsImage(Vips vips, MemorySegment pointer) {
        this.vips = vips;
        this.pointer = pointer;
    }

    MemorySegment pointer() {
        if (pointer == null) {
            throw new IllegalStateException("image already closed");
        }
        return pointer;
    }

    int width() {
        return vips.intGetter("vips_image_get_width", pointer());
    }

    int height() {
        return vips.intGetter("vips_image_get_height", pointer());
    }

    int bands() {
        return vips.intGetter("vips_image_get_bands", pointer());
    }

    boolean hasAlpha() {
        return vips.intGetter("vips_image_hasalpha", pointer()) != 0;
    }

    int interpretation() {
        return vips.intGetter("vips_image_get_interpretation", pointer());
    }

    boolean hasIccProfile() {
        return vips.hasField(pointer(), "icc-profile-data");
    }

    @Override
    public void close() {
        if (pointer != null) {
            vips.unref(pointer);
            pointer = null;
        }
    }
}
