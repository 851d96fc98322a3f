package io.vitrine.rendition.vips;

import io.vitrine.rendition.RenditionException;
import io.vitrine.rendition.process.ProcessRunner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeoutException;

/**
 * Fallback for libvips builds without pdfload: poppler's {@code pdftoppm} renders page 1 to a PNG in the
 * scratch folder (argument list, absolute paths so a name cannot pass for an option, timeout), which is
 * then read into memory and deleted.
 */
final class PdftoppmRasterizer implements PdfRasterizer {
    private final Vips vips;
    private final ProcessRunner runner;

    PdftoppmRasterizer(Vips vips, ProcessRunner runner) {
        this.vips = vips;
        this.runner = runner;
    }

    @Override
    public VipsImage firstPage(Path pdf, int size, Path scratchDir) throws VipsException, RenditionException {
        Path prefix = scratchDir.toAbsolutePath().resolve("pdf-page-" + Thread.currentThread().threadId());
        Path png = Path.of(prefix + ".png");
        try {
            var result = runner.run(List.of("pdftoppm", "-f", "1", "-l", "1", "-singlefile", "-png",
                    "-scale-to", Integer.toString(size), pdf.toAbsolutePath().toString(), prefix.toString()), scratchDir);
            if (result.exitCode() != 0 || !Files.exists(png)) {
                throw new RenditionException("cannot render PDF: " + result.reason());
            }
            try (VipsImage lazy = vips.thumbnail(png, size, SourceDecoder.plainOptions(size, Vips.SIZE_BOTH))) {
                return vips.copyMemory(lazy); // before the PNG is deleted below
            }
        } catch (IOException | TimeoutException e) {
            throw new RenditionException("cannot render PDF: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RenditionException("interrupted while rendering PDF", e);
        } finally {
            RenditionWriter.deleteQuietly(png);
        }
    }
}
