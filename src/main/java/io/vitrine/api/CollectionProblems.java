package io.vitrine.api;

import io.vitrine.collection.CollectionException;

/** The HTTP answer for each kind of refused collection or share-link request. */
final class CollectionProblems {
    private CollectionProblems() {}

    static Problem of(CollectionException e) {
        return switch (e.kind()) {
            case NOT_FOUND -> Problem.of(404, "not-found", "Not found", e.getMessage());
            case INVALID -> Problem.of(400, "invalid-collection", "Invalid request", e.getMessage());
            case FORBIDDEN -> Problem.of(403, "forbidden", "Forbidden", e.getMessage());
            case GONE -> Problem.of(410, "share-link-gone", "Share link no longer valid", e.getMessage());
            case LOCKED -> Problem.of(429, "share-link-locked", "Share link locked", e.getMessage());
        };
    }
}
