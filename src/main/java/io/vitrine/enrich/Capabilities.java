package io.vitrine.enrich;

import java.util.List;

/** Which enrichment capabilities this node has, and for each one that is off, why and how to turn it on. */
public final class Capabilities {

    public record Capability(String name, boolean enabled, String model, String reason) {}

    private final ModelStore models;
    private final String taggerModel;
    private final String faceModel;
    private final TextReader ocr;
    private final ImageTextEmbedderSource clip;

    public Capabilities(ModelStore models, String taggerModel) {
        this(models, taggerModel, null, null);
    }

    /** {@code faceModel} or {@code ocr} null: that capability is off in this build. */
    public Capabilities(ModelStore models, String taggerModel, String faceModel, TextReader ocr) {
        this(models, taggerModel, faceModel, ocr, null);
    }

    /** {@code clip} null: no image-text model support in this build. */
    public Capabilities(ModelStore models, String taggerModel, String faceModel, TextReader ocr, ImageTextEmbedderSource clip) {
        this.clip = clip;
        this.models = models;
        this.taggerModel = taggerModel;
        this.faceModel = faceModel;
        this.ocr = ocr;
    }

    public List<Capability> list() {
        return List.of(tags(),
                new Capability("palette", true, "kmeans-lab@1", "built in"),
                new Capability("quality", true, "pixel-quality@1", "built in"),
                faces(),
                ocr(),
                clip == null ? off("clip", "no image-text model support configured") : clip.state(),
                off("embeddings", "not available in this version"),
                off("duplicates", "exact duplicates only (by SHA-256 at upload); near-duplicates not available in this version"));
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

    private static Capability off(String name, String reason) {
        return new Capability(name, false, null, reason);
    }
}
