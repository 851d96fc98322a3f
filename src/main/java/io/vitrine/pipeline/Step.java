package io.vitrine.pipeline;

/**
 * A unit of background work on one asset. Steps are idempotent: running one twice leaves the same
 * state as running it once, so a crash between doing and acknowledging costs only a repeat. Their
 * order lives in {@link Pipeline#next}.
 */
public sealed interface Step permits Step.ExtractMetadata, Step.MakeRenditions, Step.Index, Step.Purge {

    /** Reads embedded metadata into the asset; broken metadata is recorded, not fatal. */
    record ExtractMetadata() implements Step {}

    /** Makes the asset's renditions; input that cannot be rendered fails the asset with the reason. */
    record MakeRenditions() implements Step {}

    /** Settles the asset's status (processing → ready) and brings the search index in line with the database. */
    record Index() implements Step {}

    /** Removes a soft-deleted asset's rows and the blobs nothing else uses. */
    record Purge() implements Step {}

    default String key() {
        return getClass().getSimpleName();
    }

    static Step parse(String key) {
        return switch (key) {
            case "ExtractMetadata" -> new ExtractMetadata();
            case "MakeRenditions" -> new MakeRenditions();
            case "Index" -> new Index();
            case "Purge" -> new Purge();
            default -> throw new IllegalArgumentException("unknown step " + key);
        };
    }
}
