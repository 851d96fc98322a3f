package io.vitrine.rendition;

import java.nio.file.Path;
import java.util.List;

/** Dispatches to the first renderer, in the order given, that supports the media type. */
public final class CompositeRenderer implements Renderer {
    private final List<Renderer> renderers;

    public CompositeRenderer(List<Renderer> renderers) {
        this.renderers = List.copyOf(renderers);
    }

    @Override
    public boolean supports(String mediaType) {
        return renderers.stream().anyMatch(r -> r.supports(mediaType));
    }

    @Override
    public List<RenderedFile> render(Path source, String mediaType, Path outDir) throws RenditionException {
        for (Renderer renderer : renderers) {
            if (renderer.supports(mediaType)) {
                return renderer.render(source, mediaType, outDir);
            }
        }
        throw new RenditionException("no renditions for media type " + mediaType);
    }
}
