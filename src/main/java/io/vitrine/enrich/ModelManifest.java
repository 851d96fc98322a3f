package io.vitrine.enrich;

import java.util.List;
import java.util.Map;

/**
 * What {@code $VITRINE_DATA/models/NAME/manifest.json} says about a model, and what the built-in
 * catalogue says before it is pulled: where each file comes from ({@code repo} in the Hugging Face
 * layout, or a file's own {@code url}), its SHA-256 and size, and how to feed the model.
 */
public record ModelManifest(
        String name,
        String version,
        String licence,
        String capability,
        String source,
        String repo,
        String revision,
        List<ModelFile> files,
        Map<String, Object> inputs,
        Map<String, Object> outputs,
        Map<String, Object> preprocessing) {

    public record ModelFile(String path, String sha256, long bytes, String url) {}

    /** The public hub; a base URL other than this is a mirror that serves every model in its layout. */
    public static final String PUBLIC_HUB = "https://huggingface.co";

    /**
     * {@code base}/{repo}/resolve/{revision}/{path}, unless the file names its own URL (a model
     * published outside the hub, e.g. on GitHub) and {@code base} is the public hub: an operator's
     * mirror serves every file, so air-gapped deployments need no second setting.
     */
    public String url(String base, ModelFile file) {
        boolean mirror = base != null && !base.replaceAll("/+$", "").equals(PUBLIC_HUB);
        if (!mirror && file.url() != null && !file.url().isBlank()) {
            return file.url();
        }
        String b = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        return b + "/" + repo + "/resolve/" + (revision == null ? "main" : revision) + "/" + file.path();
    }

    public ModelFile file(String path) {
        return files.stream().filter(f -> f.path().equals(path)).findFirst()
                .orElseThrow(() -> new ModelException("model " + name + " has no file " + path));
    }
}
