package io.vitrine.metadata;

/** The file's metadata cannot be read; the message is shown to users. */
public class MetadataException extends Exception {
    public MetadataException(String message) {
        super(message);
    }

    public MetadataException(String message, Throwable cause) {
        super(message, cause);
    }
}
