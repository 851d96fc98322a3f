package io.vitrine.enrich;

/** The asset has no tag with that concept. */
public final class TagNotFoundException extends RuntimeException {
    public TagNotFoundException(String assetId, String concept) {
        super("asset " + assetId + " has no tag '" + (concept.length() > 64 ? concept.substring(0, 64) + "…" : concept) + "'");
    }
}
