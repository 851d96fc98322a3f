package io.vitrine.duplicate;

/**
 * The measurements a verdict was made from, kept with the pair so a reviewer (and a threshold
 * change) can see why: Hamming distances of the 64-bit hashes (pHash taken at the best quarter
 * turn, {@code turned} degrees), cosine of the image embeddings (null without the model), mean CIELAB
 * difference of the 4x4 colour grids, both sizes and aspect ratios, seconds between capture times
 * and whether the camera is the same (null when unknown).
 */
public record Evidence(boolean sameContent, int phashDistance, int dhashDistance, int turned, Double cosine,
        double colourDistance, String sizeA, String sizeB, Double aspectA, Double aspectB, Long secondsApart,
        Boolean sameCamera) {}
