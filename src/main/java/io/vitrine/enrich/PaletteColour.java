package io.vitrine.enrich;

/** One dominant colour: sRGB hex, the nearest named colour, and its share of the pixels (0..1). */
public record PaletteColour(String hex, String name, double share) {}
