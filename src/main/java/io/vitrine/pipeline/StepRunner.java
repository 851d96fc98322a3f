package io.vitrine.pipeline;

/** Which handler does which step: a step without a handler does not compile. */
public record StepRunner(StepHandler extractMetadata, StepHandler makeRenditions, StepHandler index, StepHandler purge) {

    void run(Job job) throws Exception {
        StepHandler handler = switch (job.step()) {
            case Step.ExtractMetadata ignored -> extractMetadata;
            case Step.MakeRenditions ignored -> makeRenditions;
            case Step.Index ignored -> index;
            case Step.Purge ignored -> purge;
        };
        handler.run(job.assetId());
    }
}
