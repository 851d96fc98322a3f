package io.vitrine.pipeline;

/** Which handler does which step: a step without a handler does not compile. */
public record StepRunner(StepHandler extractMetadata, StepHandler makeRenditions, StepHandler index, StepHandler purge,
        Enrichment enrichment) {

    /**
     * The enrichment steps' handlers; {@code index} re-indexes what they found. The seven core
     * steps come through the constructor; the optional features add theirs with a {@code with…}.
     */
    public record Enrichment(StepHandler tags, StepHandler palette, StepHandler quality, StepHandler faces, StepHandler text,
            StepHandler embed, StepHandler index, StepHandler duplicates, StepHandler transcribe,
            StepHandler reindexConcept, StepHandler applyConcept, StepHandler risk) {
        private static final StepHandler NOTHING = id -> { };

        public Enrichment(StepHandler tags, StepHandler palette, StepHandler quality, StepHandler faces, StepHandler text,
                StepHandler embed, StepHandler index) {
            this(tags, palette, quality, faces, text, embed, index, NOTHING, NOTHING, NOTHING, NOTHING, NOTHING);
        }

        public static Enrichment none() {
            return new Enrichment(NOTHING, NOTHING, NOTHING, NOTHING, NOTHING, NOTHING, NOTHING);
        }

        public Enrichment withDuplicates(StepHandler handler) {
            return new Enrichment(tags, palette, quality, faces, text, embed, index, handler, transcribe, reindexConcept, applyConcept, risk);
        }

        public Enrichment withTranscripts(StepHandler handler) {
            return new Enrichment(tags, palette, quality, faces, text, embed, index, duplicates, handler, reindexConcept, applyConcept, risk);
        }

        /** The concept jobs: re-indexing a concept's assets after its words changed, applying a taught prototype. */
        public Enrichment withConcepts(StepHandler reindex, StepHandler apply) {
            return new Enrichment(tags, palette, quality, faces, text, embed, index, duplicates, transcribe, reindex, apply, risk);
        }

        /** Risk flags from what the other steps found. */
        public Enrichment withRisk(StepHandler handler) {
            return new Enrichment(tags, palette, quality, faces, text, embed, index, duplicates, transcribe, reindexConcept, applyConcept, handler);
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
            case Step.Transcribe ignored -> enrichment.transcribe();
            case Step.AssessRisk ignored -> enrichment.risk();
            case Step.Embed ignored -> enrichment.embed();
            case Step.IndexEnrichment ignored -> enrichment.index();
            case Step.FindDuplicates ignored -> enrichment.duplicates();
            case Step.ReindexConcept ignored -> enrichment.reindexConcept();
            case Step.ApplyConcept ignored -> enrichment.applyConcept();
        };
        handler.run(job.assetId());
    }
}
