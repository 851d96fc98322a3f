package io.vitrine.pipeline;

/** A claimed unit of work; {@code attempts} counts this attempt. */
public record Job(long id, String assetId, Step step, int attempts) {}
