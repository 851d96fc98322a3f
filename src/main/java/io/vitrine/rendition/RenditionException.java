package io.vitrine.rendition;

/** Input that cannot be rendered; the message is shown to users as the asset's failure reason. */
public class RenditionException extends Exception {
    public RenditionException(String message) {
        super(message);
    }

    public RenditionException(String message, Throwable cause) {
        super(message, cause);
    }
}
