package io.vitrine.rendition.vips;

import io.vitrine.rendition.RenderedFile;
import io.vitrine.rendition.Renderer;
import io.vitrine.rendition.RenditionException;
import io.vitrine.rendition.process.ProcessRunner;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Renders stills with libvips: {@code web@v1} 2048 px WebP, {@code preview@v1} 1024 px JPEG and
 * {@code thumb@v1} 256 px JPEG (longest side; rasters never upscaled, vector art rendered to the box;
 * upright, sRGB, no metadata). Handles every
 * raster format this libvips loads (ImageMagick excepted), SVG (rasterised from memory) and the first
 * page of PDFs. The source is decoded once, to the largest size; smaller renditions derive from it.
 */
public final class VipsImageRenderer implements Renderer {
    public static final long DEFAULT_MAX_PIXELS = 100_000_000L;
    private static final Duration PDFTOPPM_TIMEOUT = Duration.ofSeconds(60);

    private final Vips vips;
    private final SourceDecoder decoder;
    private final RenditionWriter writer;

    public VipsImageRenderer(Vips vips) {
        this(vips, DEFAULT_MAX_PIXELS);
    }

    /** @param maxPixels rasters whose header declares more pixels are refused before decoding */
    public VipsImageRenderer(Vips vips, long maxPixels) {
        this(vips, maxPixels, vips.hasOperation("pdfload")
                ? PdfRasterizer.withPdfload(vips)
                : new PdftoppmRasterizer(vips, new ProcessRunner(PDFTOPPM_TIMEOUT)));
    }

    VipsImageRenderer(Vips vips, long maxPixels, PdfRasterizer pdf) {
        this.vips = vips;
        this.decoder = new SourceDecoder(vips, maxPixels, pdf);
        this.writer = new RenditionWriter(vips);
    }

    @Override
    public boolean supports(String mediaType) {
        String type = mediaType.toLowerCase(Locale.ROOT);
        return type.startsWith("image/") || type.equals("application/pdf");
    }

    @Override
    public List<RenderedFile> render(Path source, String mediaType, Path outDir) throws RenditionException {
        List<RenderedFile> written = new ArrayList<>();
        try (VipsImage lazy = decoder.decode(source, Recipe.STILLS.getFirst().size(), outDir);
             VipsImage decoded = vips.copyMemory(lazy)) {
            for (Recipe recipe : Recipe.STILLS) {
                try (VipsImage sized = vips.thumbnailImage(decoded, recipe.size(),
                        SourceDecoder.plainOptions(recipe.size(), Vips.SIZE_DOWN))) {
                    written.add(writer.write(sized, recipe, outDir));
                }
            }
            return written;
        } catch (VipsException e) {
            written.forEach(f -> RenditionWriter.deleteQuietly(f.file()));
            throw new RenditionException(Reasons.decodeFailure(e), e);
        } catch (RenditionException | RuntimeException e) {
            written.forEach(f -> RenditionWriter.deleteQuietly(f.file()));
            throw e;
        }
    }

    /** Only the {@code thumb@v1} rendition, decoded straight at 256 px (used by the benchmark). */
    RenderedFile thumbnail(Path source, Path outDir) throws RenditionException {
        try (VipsImage thumb = decoder.decode(source, Recipe.THUMB.size(), outDir)) {
            return writer.write(thumb, Recipe.THUMB, outDir);
        }
    }
}
