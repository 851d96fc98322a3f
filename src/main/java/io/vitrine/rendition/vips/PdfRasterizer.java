package io.vitrine.rendition.vips;

import io.vitrine.rendition.RenditionException;
import java.nio.file.Path;

/** Rasterises the first page of a PDF into a box; libvips' pdfload when present, else poppler's pdftoppm. */
interface PdfRasterizer {

    VipsImage firstPage(Path pdf, int size, Path scratchDir) throws VipsException, RenditionException;

    /** Vector pages are rendered at the target scale directly, so no pixel limit applies. */
    static PdfRasterizer withPdfload(Vips vips) {
        return (pdf, size, _) -> vips.thumbnail(pdf, size, SourceDecoder.plainOptions(size, Vips.SIZE_BOTH));
    }
}
