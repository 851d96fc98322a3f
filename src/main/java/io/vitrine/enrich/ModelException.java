package io.vitrine.enrich;

/** A model cannot be found, fetched, verified or loaded; the message is meant for the operator. */
public class ModelException extends RuntimeException {
    public ModelException(String message) {
        super(message);
    }

    public ModelException(String message, Throwable cause) {
        super(message, cause);
    }
}
