package io.vitrine.pipeline;

/**
 * The step cannot succeed on this input, so retrying is pointless; the message becomes the asset's
 * failure reason. Anything else a step throws is treated as transient and retried.
 */
public class StepFailedException extends Exception {
    public StepFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
