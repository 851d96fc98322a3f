package io.vitrine.enrich;

/**
 * One output class of a classifier and its probability (0..1), before classes are merged into
 * concepts: {@code index} is the class's position in the model's output (ImageNet-1k order for the
 * bundled classifier). Kept because some questions (is that a revolver?) are about the class itself.
 */
public record ClassScore(int index, double probability) {}
