package io.vitrine.rights;

import java.time.Instant;

/** A signed contract, release form or other paper kept with a licence; its bytes are a blob ({@code sha256}). */
public record LicenceDocument(String id, String licenceId, String filename, String mediaType, String sha256, long bytes,
        Instant addedAt) {}
