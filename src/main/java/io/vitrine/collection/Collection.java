package io.vitrine.collection;

import java.time.Instant;

/** A lightbox: a named set of assets that its owner curates and shares with colleagues or through links. */
public record Collection(String id, String name, String description, String ownerId, Instant createdAt, Instant updatedAt,
        int assetCount) {}
