package io.vitrine.ingest;

import io.vitrine.asset.UserMetadata;
import io.vitrine.storage.StagedBlob;

/** A received file, staged and hashed, with what the uploader said about it. */
public record Upload(StagedBlob blob, String filename, UserMetadata metadata, DuplicatePolicy policy) {}
