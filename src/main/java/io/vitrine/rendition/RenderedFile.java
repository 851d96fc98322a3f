package io.vitrine.rendition;

import java.nio.file.Path;

/**
 * One derived file. {@code recipe} is the versioned key ({@code thumb@v1}); bump the version when the
 * recipe's output changes so stored renditions are recognisably stale.
 */
public record RenderedFile(String name, String recipe, Path file, String mediaType, int width, int height) {}
