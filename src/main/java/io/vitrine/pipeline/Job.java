package io.vitrine.pipeline;

/** A claimed unit of work; {@code attempts} counts this attempt; {@code worker} holds its lease. */
public record Job(long id, String assetId, Step step, int attempts, String worker) {}
