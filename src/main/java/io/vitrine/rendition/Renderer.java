package io.vitrine.rendition;

import java.nio.file.Path;
import java.util.List;

/**
 * Turns one original file into derived files (thumbnails, previews, posters, proxies, waveforms).
 *
 * <p>Contract: {@link #supports} is decided by media type only. {@link #render} writes every output
 * into {@code outDir} (which the caller owns and deletes) and returns one {@link RenderedFile} per
 * output; it never writes elsewhere and never leaves a partially written file that it reports.
 * Input that cannot be rendered (truncated, over the pixel limit, unsupported variant) raises
 * {@link RenditionException} with a reason a person can read; the caller marks the asset failed
 * with that reason. Renderers are thread-safe.
 */
public interface Renderer {

    boolean supports(String mediaType);

    List<RenderedFile> render(Path source, String mediaType, Path outDir) throws RenditionException;
}
