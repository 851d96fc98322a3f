package io.vitrine.asset;

import java.util.Locale;

/** Where an asset is in ingest: the API shows these in lower case. */
public enum AssetStatus {
    PROCESSING, READY, QUARANTINED, FAILED;

    public String apiName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
