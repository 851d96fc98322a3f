package io.vitrine.ingest;

import io.vitrine.asset.UserMetadata;
import io.vitrine.storage.StagedBlob;

/**
 * A received file, staged and hashed, with what the uploader said about it; {@code owner}: who uploaded
 * it (the user behind the token, or the token id), null when nobody in particular did (folder import).
 */
public record Upload(StagedBlob blob, String filename, UserMetadata metadata, DuplicatePolicy policy, String owner) {

    public Upload(StagedBlob blob, String filename, UserMetadata metadata, DuplicatePolicy policy) {
        this(blob, filename, metadata, policy, null);
    }

    public Upload withOwner(String who) {
        return new Upload(blob, filename, metadata, policy, who);
    }
}
