package io.vitrine.rendition.vips;

import io.vitrine.rendition.RenditionException;
import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Opens an original and shrinks it to a box in one step ({@code vips_thumbnail}: shrink-on-load, EXIF
 * auto-rotation, colour management to sRGB). Rasters are checked against the pixel limit from their
 * header before any pixel is decoded. SVG is always rasterised from memory, so it cannot reference files
 * next to it; PDF goes through pdfload when this libvips has it, else through pdftoppm.
 */
final class SourceDecoder {
    private final Vips vips;
    private final long maxPixels;
    private final PdfRasterizer pdf;

    SourceDecoder(Vips vips, long maxPixels, PdfRasterizer pdf) {
        this.vips = vips;
        this.maxPixels = maxPixels;
        this.pdf = pdf;
    }

    /** Decodes {@code source} into an image whose longest side is at most {@code size}; never upscales. */
    VipsImage decode(Path source, int size, Path scratchDir) throws RenditionException {
        try {
            if (Files.size(source) == 0) {
                throw new RenditionException("file is empty");
            }
            String loader = vips.findLoader(source)
                    .orElseThrow(() -> new RenditionException("not an image format this server can read"));
            if (loader.startsWith("VipsForeignLoadMagick") && !MagickAllowList.permits(source)) {
                throw new RenditionException("not an image format this server can read");
            }
            if (loader.startsWith("VipsForeignLoadSvg")) {
                return decodeSvg(source, size);
            }
            if (loader.startsWith("VipsForeignLoadPdf")) {
                return pdf.firstPage(source, size, scratchDir);
            }
            return decodeRaster(source, size);
        } catch (VipsException e) {
            throw new RenditionException(Reasons.decodeFailure(e), e);
        } catch (IOException e) {
            throw new RenditionException("cannot read file: " + e.getMessage(), e);
        }
    }

    VipsImage decodeRaster(Path source, int size) throws VipsException, RenditionException {
        List<VipsOption> options;
        try (VipsImage header = vips.open(source)) {
            checkPixels(header.width(), header.height());
            options = rasterOptions(size, header);
        }
        return vips.thumbnail(source, size, options);
    }

    private VipsImage decodeSvg(Path source, int size) throws IOException, VipsException, RenditionException {
        // A shared arena: libvips may read the buffer from its worker threads while rendering lazily,
        // so the bytes must outlive this method; copying into memory below lets us free them at once.
        try (Arena arena = Arena.ofShared()) {
            MemorySegment bytes = arena.allocateFrom(ValueLayout.JAVA_BYTE, Files.readAllBytes(source));
            String loader = vips.findLoaderBuffer(bytes).orElse("");
            if (!loader.startsWith("VipsForeignLoadSvg")) {
                throw new RenditionException("not a readable SVG image");
            }
            try (VipsImage lazy = vips.thumbnailBuffer(bytes, size, plainOptions(size, Vips.SIZE_BOTH))) {
                return vips.copyMemory(lazy);
            }
        }
    }

    void checkPixels(long width, long height) throws RenditionException {
        if (width * height > maxPixels) {
            throw new RenditionException("image is %d×%d pixels, over the limit of %,d pixels"
                    .formatted(width, height, maxPixels));
        }
    }

    /**
     * Colour management only where there is something to manage: an embedded profile (imported, then
     * exported as sRGB) or CMYK (generic CMYK profile as fallback). Untagged RGB is already taken as sRGB;
     * asking libvips 8.14 for export_profile on it shifts saturated colours (pure blue → 85,15,253).
     */
    static List<VipsOption> rasterOptions(int size, VipsImage header) {
        List<VipsOption> options = new ArrayList<>(plainOptions(size, Vips.SIZE_DOWN));
        boolean cmyk = header.interpretation() == Vips.INTERPRETATION_CMYK;
        if (cmyk || header.hasIccProfile()) {
            options.add(VipsOption.of("export_profile", "srgb"));
        }
        if (cmyk) {
            options.add(VipsOption.of("import_profile", "cmyk"));
        }
        return options;
    }

    /** Shrink into a {@code size} box; vector art (SVG, PDF) uses SIZE_BOTH as it has no native pixel size. */
    static List<VipsOption> plainOptions(int size, int sizeMode) {
        return List.of(
                VipsOption.of("height", size),
                VipsOption.of("size", sizeMode),
                // A truncated file must fail, not yield a grey lower half that users take for the image.
                VipsOption.of("fail_on", Vips.FAIL_ON_TRUNCATED));
    }
}
