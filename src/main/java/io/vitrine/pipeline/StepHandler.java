package io.vitrine.pipeline;

/** Does one step for one asset; throws {@link StepFailedException} when retrying cannot help. */
@FunctionalInterface
public interface StepHandler {
    void run(String assetId) throws Exception;
}
