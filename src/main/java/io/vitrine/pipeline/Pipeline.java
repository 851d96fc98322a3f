package io.vitrine.pipeline;

import java.util.Optional;

/**
 * The order of ingest steps, in one place. Enrichment runs after Index, so an asset is ready and
 * searchable before any model looks at it; its steps skip work whose input and model version are
 * unchanged, so the Index that a metadata edit queues costs them a lookup each.
 */
public final class Pipeline {
    private Pipeline() {}

    public static Step first() {
        return new Step.ExtractMetadata();
    }

    public static Optional<Step> next(Step done) {
        return switch (done) {
            case Step.ExtractMetadata ignored -> Optional.of(new Step.MakeRenditions());
            case Step.MakeRenditions ignored -> Optional.of(new Step.Index());
            case Step.Index ignored -> Optional.of(new Step.TagImage());
            case Step.TagImage ignored -> Optional.of(new Step.ExtractPalette());
            case Step.ExtractPalette ignored -> Optional.of(new Step.ScoreQuality());
            case Step.ScoreQuality ignored -> Optional.of(new Step.DetectFaces());
            case Step.DetectFaces ignored -> Optional.of(new Step.ReadText());
            case Step.ReadText ignored -> Optional.of(new Step.Transcribe());
            case Step.Transcribe ignored -> Optional.of(new Step.AssessRisk());
            case Step.AssessRisk ignored -> Optional.of(new Step.Embed());
            case Step.Embed ignored -> Optional.of(new Step.IndexEnrichment());
            case Step.IndexEnrichment ignored -> Optional.of(new Step.FindDuplicates());
            case Step.FindDuplicates ignored -> Optional.empty();
            case Step.Purge ignored -> Optional.empty();
            case Step.ReindexConcept ignored -> Optional.empty();
            case Step.ApplyConcept ignored -> Optional.empty();
        };
    }
}
