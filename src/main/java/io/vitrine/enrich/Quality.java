package io.vitrine.enrich;

/**
 * A technical quality score 0-100 and its components, each 0-100 (higher is better): sharpness
 * (variance of the Laplacian), exposure (share of clipped pixels), noise (estimated sigma) and
 * resolution (megapixels of the original).
 */
public record Quality(int score, Components components) {
    public record Components(int sharpness, int exposure, int noise, int resolution) {}
}
