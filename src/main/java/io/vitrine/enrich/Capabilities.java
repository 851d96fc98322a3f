package io.vitrine.enrich;

import java.util.List;

/** Which enrichment capabilities this node has, and for each one that is off, why and how to turn it on. */
public final class Capabilities {

    /** {@code quality}: the grade of what it produces, where it is graded (transcripts); null elsewhere. */
    public record Capability(String name, boolean enabled, String model, String reason,
            @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL) String quality) {
        public Capability(String name, boolean enabled, String model, String reason) {
            this(name, enabled, model, reason, null);
        }
    }

    private final ModelStore models;
    private final String taggerModel;
    private final String faceModel;
    private final TextReader ocr;
    private final Transcriber speech;
    private final ImageTextEmbedderSource clip;
    private final String textSpace;
    private final Capability chineseText;

    public Capabilities(ModelStore models, String taggerModel) {
        this(models, taggerModel, null, null);
    }

    /** {@code faceModel} or {@code ocr} null: that capability is off in this build. */
    public Capabilities(ModelStore models, String taggerModel, String faceModel, TextReader ocr) {
        this(models, taggerModel, faceModel, ocr, null, null);
    }

    /** {@code speech} null: transcripts are off; {@code clip} null: no image-text model support in this build. */
    public Capabilities(ModelStore models, String taggerModel, String faceModel, TextReader ocr, Transcriber speech,
            ImageTextEmbedderSource clip) {
        this(models, taggerModel, faceModel, ocr, speech, clip, null);
    }

    /** {@code textSpace}: the embedding space of the loaded text embedder, null when none loaded (semantic search off). */
    public Capabilities(ModelStore models, String taggerModel, String faceModel, TextReader ocr, Transcriber speech,
            ImageTextEmbedderSource clip, String textSpace) {
        this(models, taggerModel, faceModel, ocr, speech, clip, textSpace, null);
    }

    /** {@code chineseText}: the state of the Chinese text-embedding space ("embeddings-zh"), null to leave it out. */
    public Capabilities(ModelStore models, String taggerModel, String faceModel, TextReader ocr, Transcriber speech,
            ImageTextEmbedderSource clip, String textSpace, Capability chineseText) {
        this.chineseText = chineseText;
        this.textSpace = textSpace;
        this.speech = speech;
        this.clip = clip;
        this.models = models;
        this.taggerModel = taggerModel;
        this.faceModel = faceModel;
        this.ocr = ocr;
    }

    public List<Capability> list() {
        List<Capability> all = new java.util.ArrayList<>(base());
        if (chineseText != null) {
            all.add(all.size() - 1, chineseText);
        }
        return List.copyOf(all);
    }

    private List<Capability> base() {
        return List.of(tags(),
                new Capability("palette", true, "kmeans-lab@1", "built in"),
                new Capability("quality", true, "pixel-quality@1", "built in"),
                faces(),
                ocr(),
                transcripts(),
                clip == null ? off("clip", "no image-text model support configured") : clip.state(),
                textSpace == null ? off("embeddings", "the bundled text embedder did not load (see the server log): semantic search is off")
                        : new Capability("embeddings", true, textSpace, "bundled; semantic search on"),
                duplicates());
    }

    private Capability tags() {
        if (models.installed(taggerModel).isPresent()) {
            return new Capability("tags", true, taggerModel, "model " + taggerModel + " installed");
        }
        return new Capability("tags", false, taggerModel, "model " + taggerModel
                + " not installed; run `vitrine models pull " + taggerModel + "`");
    }

    private Capability faces() {
        if (faceModel == null) {
            return off("faces", "no face model configured");
        }
        if (models.installed(faceModel).isPresent()) {
            return new Capability("faces", true, faceModel, "model " + faceModel + " installed");
        }
        return new Capability("faces", false, faceModel, "model " + faceModel
                + " not installed; run `vitrine models pull " + faceModel + "`");
    }

    private Capability ocr() {
        if (ocr == null) {
            return off("ocr", "no OCR engine configured");
        }
        return ocr.unavailable().map(reason -> new Capability("ocr", false, ocr.model(), reason))
                .orElseGet(() -> new Capability("ocr", true, ocr.model() + "@" + ocr.modelVersion(), "tesseract found"));
    }

    /** Hashes need no model; crops and heavy edits are found through the tagger's image embedding. */
    private Capability duplicates() {
        boolean embedding = models.installed(taggerModel).isPresent();
        return new Capability("duplicates", true, embedding ? "phash+dhash+" + taggerModel : "phash+dhash",
                embedding ? "exact, re-encoded, resized, cropped and edited copies and bursts"
                        : "exact, re-encoded, resized copies and bursts by perceptual hashes; crops need `vitrine models pull "
                                + taggerModel + "`");
    }

    private Capability transcripts() {
        if (speech == null) {
            return off("transcripts", "no speech recognizer configured");
        }
        return speech.unavailable().map(reason -> new Capability("transcripts", false, speech.model(), reason))
                .orElseGet(() -> new Capability("transcripts", true, speech.model() + "@" + speech.modelVersion(), activeSpeech(),
                        speech.quality()));
    }

    /** Which recognizer, in which languages, how good, and (on the fallback) why the better one is off. */
    private String activeSpeech() {
        String languages = speech.language() == null ? "language detected per file" : "English only";
        return speech.model() + " active (" + languages + "), " + speech.quality() + " quality: transcripts are machine drafts to search by"
                + speech.note().map(n -> "; " + n).orElse("");
    }

    private static Capability off(String name, String reason) {
        return new Capability(name, false, null, reason);
    }
}
