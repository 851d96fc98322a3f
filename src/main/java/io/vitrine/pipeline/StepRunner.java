package io.vitrine.pipeline;

/** Which handler does which step: a step without a handler does not compile. */
public record StepRunner(StepHandler extractMetadata, StepHandler makeRenditions, StepHandler index, StepHandler purge,
        Enrichment enrichment) {

    /** The enrichment steps' handlers; {@code index} re-indexes what they found. */
    public record Enrichment(StepHandler tags, StepHandler palette, StepHandler quality, StepHandler faces, StepHandler text,
            StepHandler embed, StepHandler index, StepHandler duplicates, StepHandler risk) {
        public Enrichment(StepHandler tags, StepHandler palette, StepHandler quality, StepHandler faces, StepHandler text,
                StepHandler embed, StepHandler index) {
            this(tags, palette, quality, faces, text, embed, index, id -> { }, id -> { });
        }

        public static Enrichment none() {
            StepHandler nothing = id -> { };
            return new Enrichment(nothing, nothing, nothing, nothing, nothing, nothing, nothing);
        }

        public Enrichment withDuplicates(StepHandler handler) {
            return new Enrichment(tags, palette, quality, faces, text, embed, index, handler, risk);
        }

        public Enrichment withRisk(StepHandler handler) {
            return new Enrichment(tags, palette, quality, faces, text, embed, index, duplicates, handler);
        }
    }

    /** Without enrichment (its steps do nothing). */
    public StepRunner(StepHandler extractMetadata, StepHandler makeRenditions, StepHandler index, StepHandler purge) {
        this(extractMetadata, makeRenditions, index, purge, Enrichment.none());
    }

    void run(Job job) throws Exception {
        StepHandler handler = switch (job.step()) {
            case Step.ExtractMetadata ignored -> extractMetadata;
            case Step.MakeRenditions ignored -> makeRenditions;
            case Step.Index ignored -> index;
            case Step.Purge ignored -> purge;
            case Step.TagImage ignored -> enrichment.tags();
            case Step.ExtractPalette ignored -> enrichment.palette();
            case Step.ScoreQuality ignored -> enrichment.quality();
            case Step.DetectFaces ignored -> enrichment.faces();
            case Step.ReadText ignored -> enrichment.text();
            case Step.AssessRisk ignored -> enrichment.risk();
            case Step.Embed ignored -> enrichment.embed();
            case Step.IndexEnrichment ignored -> enrichment.index();
            case Step.FindDuplicates ignored -> enrichment.duplicates();
        };
        handler.run(job.assetId());
    }
}
