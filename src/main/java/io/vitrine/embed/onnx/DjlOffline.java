package io.vitrine.embed.onnx;

/**
 * DJL's tokenizer loader calls home on every {@code newInstance} (an EC2 metadata probe, then a
 * telemetry request) and, on a machine where it detects CUDA, downloads GPU natives instead of the
 * CPU library bundled in the jar. Its offline mode switches both off, so a self-hosted DAM never
 * talks to the network for tokenizing. An operator's explicit {@code DJL_OFFLINE} or {@code
 * ai.djl.offline} wins.
 */
final class DjlOffline {
    static final String PROPERTY = "ai.djl.offline";

    private DjlOffline() {}

    static void ensure() {
        if (System.getenv("DJL_OFFLINE") == null && System.getProperty(PROPERTY) == null) {
            System.setProperty(PROPERTY, "true");
        }
    }
}
