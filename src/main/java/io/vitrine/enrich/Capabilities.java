package io.vitrine.enrich;

import java.util.List;

/** Which enrichment capabilities this node has, and for each one that is off, why and how to turn it on. */
public final class Capabilities {

    public record Capability(String name, boolean enabled, String model, String reason) {}

    private final ModelStore models;
    private final String taggerModel;

    public Capabilities(ModelStore models, String taggerModel) {
        this.models = models;
        this.taggerModel = taggerModel;
    }

    public List<Capability> list() {
        return List.of(tags(),
                new Capability("palette", true, "kmeans-lab@1", "built in"),
                new Capability("quality", true, "pixel-quality@1", "built in"),
                off("faces", "not available in this version"),
                off("ocr", "not available in this version"),
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

    private static Capability off(String name, String reason) {
        return new Capability(name, false, null, reason);
    }
}
