package io.vitrine.search;

/** A query the caller must fix (bad cursor, unknown facet, bad range); maps to 400. */
public class InvalidQueryException extends RuntimeException {
    public InvalidQueryException(String message) {
        super(message);
    }
}
