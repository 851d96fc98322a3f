package io.vitrine.concept;

/**
 * A request about concepts that cannot be done as asked. {@code type} names the problem for the API
 * ({@code not-found}, {@code invalid}, {@code label-collision}, {@code broader-cycle}, {@code in-use},
 * {@code shipped}, {@code no-embedding}, {@code unknown-assets}); the message says precisely what.
 */
public final class ConceptException extends RuntimeException {
    public enum Kind { NOT_FOUND, INVALID, CONFLICT }

    private final Kind kind;
    private final String type;

    public ConceptException(Kind kind, String type, String message) {
        super(message);
        this.kind = kind;
        this.type = type;
    }

    static ConceptException invalid(String message) {
        return new ConceptException(Kind.INVALID, "invalid", message);
    }

    static ConceptException notFound(String id) {
        return new ConceptException(Kind.NOT_FOUND, "not-found", "no concept '" + Words.abbreviate(id) + "'");
    }

    public Kind kind() {
        return kind;
    }

    public String type() {
        return type;
    }
}
