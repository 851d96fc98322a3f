package io.vitrine.pipeline;

import java.util.Optional;

/** The order of ingest steps, in one place. */
public final class Pipeline {
    private Pipeline() {}

    public static Step first() {
        return new Step.ExtractMetadata();
    }

    public static Optional<Step> next(Step done) {
        return switch (done) {
            case Step.ExtractMetadata ignored -> Optional.of(new Step.MakeRenditions());
            case Step.MakeRenditions ignored -> Optional.of(new Step.Index());
            case Step.Index ignored -> Optional.empty();
            case Step.Purge ignored -> Optional.empty();
        };
    }
}
