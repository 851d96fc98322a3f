package io.vitrine.ingest;

import io.vitrine.asset.Asset;

/** What an upload became; {@code duplicateOf} names the matching asset when one was found. */
public record IngestResult(Asset asset, Outcome outcome, String duplicateOf) {

    public enum Outcome { CREATED, DUPLICATE, NEW_VERSION }
}
