package io.vitrine.asset;

/** A stored derived file; {@code recipe} carries the recipe version ({@code thumb@v1}). */
public record Rendition(String name, String recipe, String sha256, String mediaType, int width, int height, long bytes) {}
