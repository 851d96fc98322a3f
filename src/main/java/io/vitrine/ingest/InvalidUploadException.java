package io.vitrine.ingest;

/** The upload itself is unacceptable (empty, malformed, bad parameters); maps to 400. */
public class InvalidUploadException extends RuntimeException {
    public InvalidUploadException(String message) {
        super(message);
    }
}
