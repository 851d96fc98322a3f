package io.vitrine.enrich;

/** The asset has no face with that number. */
public final class FaceNotFoundException extends RuntimeException {
    public FaceNotFoundException(String assetId, int number) {
        super("asset " + assetId + " has no face " + number);
    }
}
