package io.vitrine.collection;

/** A refused collection or share-link request; {@code kind} says which HTTP answer fits. */
public final class CollectionException extends RuntimeException {
    public enum Kind { NOT_FOUND, INVALID, FORBIDDEN, GONE, LOCKED }

    private final Kind kind;

    public CollectionException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }

    static CollectionException notFound(String id) {
        return new CollectionException(Kind.NOT_FOUND, "collection " + id + " does not exist or is not shared with you");
    }

    static CollectionException invalid(String message) {
        return new CollectionException(Kind.INVALID, message);
    }
}
