package io.vitrine.pipeline;

/**
 * A unit of background work on one asset. Steps are idempotent: running one twice leaves the same
 * state as running it once, so a crash between doing and acknowledging costs only a repeat. Their
 * order lives in {@link Pipeline#next}.
 */
public sealed interface Step permits Step.ExtractMetadata, Step.MakeRenditions, Step.Index, Step.Purge,
        Step.TagImage, Step.ExtractPalette, Step.ScoreQuality, Step.DetectFaces, Step.ReadText, Step.Transcribe, Step.AssessRisk, Step.Embed,
        Step.IndexEnrichment, Step.FindDuplicates, Step.ReindexConcept, Step.ApplyConcept {

    /** Reads embedded metadata into the asset; broken metadata is recorded, not fatal. */
    record ExtractMetadata() implements Step {}

    /** Makes the asset's renditions; input that cannot be rendered fails the asset with the reason. */
    record MakeRenditions() implements Step {}

    /** Settles the asset's status (processing → ready) and brings the search index in line with the database. */
    record Index() implements Step {}

    /** Removes a soft-deleted asset's rows and the blobs nothing else uses. */
    record Purge() implements Step {}

    /** Proposes concept tags (drafts) with the installed classifier; skipped when no model is installed. */
    record TagImage() implements Step {
        @Override
        public boolean optional() {
            return true;
        }
    }

    /** Dominant colours of the thumbnail. */
    record ExtractPalette() implements Step {
        @Override
        public boolean optional() {
            return true;
        }
    }

    /** Technical quality score of the preview. */
    record ScoreQuality() implements Step {
        @Override
        public boolean optional() {
            return true;
        }
    }

    /** Finds faces (drafts) on the preview; skipped when no face model is installed. */
    record DetectFaces() implements Step {
        @Override
        public boolean optional() {
            return true;
        }
    }

    /** Reads printed text off the preview (OCR); skipped without tesseract or when a text layer exists. */
    record ReadText() implements Step {
        @Override
        public boolean optional() {
            return true;
        }
    }

    /**
     * Transcribes the speech of an audio or video asset (a low-quality machine draft); skipped for
     * other media and without a speech recognizer.
     */
    record Transcribe() implements Step {
        @Override
        public boolean optional() {
            return true;
        }
    }

    /**
     * Proposes content risk flags (drafts) from what tagging, faces, OCR and the file's metadata
     * found; runs no model of its own, so it comes after them and before the index sees the flags.
     */
    record AssessRisk() implements Step {
        @Override
        public boolean optional() {
            return true;
        }
    }

    /** Text-space embeddings of the asset's words and of its concepts (for semantic search); skipped without an embedder. */
    record Embed() implements Step {
        @Override
        public boolean optional() {
            return true;
        }
    }

    /** Brings what enrichment found (searchable tags, embeddings) into the search index. */
    record IndexEnrichment() implements Step {}

    /**
     * Fingerprints the preview (perceptual hashes, size, capture time, camera) and classifies the
     * near-duplicates that an indexed lookup finds; also queued alone by the library scan.
     */
    record FindDuplicates() implements Step {
        @Override
        public boolean optional() {
            return true;
        }
    }

    /**
     * Queues an {@code Index} for every asset tagged with a concept (or one below it) whose words
     * changed. Its subject is the concept id, not an asset (jobs carry one subject id).
     */
    record ReindexConcept() implements Step {
        @Override
        public boolean optional() {
            return true;
        }
    }

    /**
     * Applies a concept's few-shot prototype to the whole library (nearest assets from the index,
     * drafts for those within its radius). Its subject is the concept id.
     */
    record ApplyConcept() implements Step {
        @Override
        public boolean optional() {
            return true;
        }
    }

    /**
     * An optional step never fails its asset, not even after its last attempt: enrichment is
     * draft metadata on an asset that is already ready.
     */
    default boolean optional() {
        return false;
    }

    default String key() {
        return getClass().getSimpleName();
    }

    static Step parse(String key) {
        return switch (key) {
            case "ExtractMetadata" -> new ExtractMetadata();
            case "MakeRenditions" -> new MakeRenditions();
            case "Index" -> new Index();
            case "Purge" -> new Purge();
            case "TagImage" -> new TagImage();
            case "ExtractPalette" -> new ExtractPalette();
            case "ScoreQuality" -> new ScoreQuality();
            case "DetectFaces" -> new DetectFaces();
            case "ReadText" -> new ReadText();
            case "Transcribe" -> new Transcribe();
            case "AssessRisk" -> new AssessRisk();
            case "Embed" -> new Embed();
            case "IndexEnrichment" -> new IndexEnrichment();
            case "FindDuplicates" -> new FindDuplicates();
            case "ReindexConcept" -> new ReindexConcept();
            case "ApplyConcept" -> new ApplyConcept();
            default -> throw new IllegalArgumentException("unknown step " + key);
        };
    }
}
