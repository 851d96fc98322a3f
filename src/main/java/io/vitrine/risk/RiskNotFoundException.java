package io.vitrine.risk;

/** The asset carries no such risk flag (never raised, or not one of the known flags). */
public final class RiskNotFoundException extends RuntimeException {
    public RiskNotFoundException(String assetId, String flag) {
        super("asset " + assetId + " has no risk flag '" + (flag.length() > 60 ? flag.substring(0, 60) + "…" : flag)
                + "'; flags are " + String.join(", ", RiskService.FLAGS));
    }
}
