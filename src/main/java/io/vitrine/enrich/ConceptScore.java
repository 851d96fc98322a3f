package io.vitrine.enrich;

/** A concept and how sure a model is of it, 0..1. */
public record ConceptScore(String concept, double confidence) {}
