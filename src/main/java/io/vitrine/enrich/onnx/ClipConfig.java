package io.vitrine.enrich.onnx;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vitrine.enrich.ModelException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The preprocessing and sizes of a CLIP export, read from the keys the common exporters write:
 * OpenCLIP's {@code open_clip_config.json} ({@code model_cfg} + {@code preprocess_cfg}), Immich's
 * {@code config.json} (the model config at top level, preprocessing in {@code visual/preprocess_cfg.json}),
 * or Hugging Face's {@code image_mean}/{@code image_std}. Sizes and normalisation have no safe default,
 * so a missing one is an error naming the key; resize mode and interpolation default to OpenCLIP's own
 * defaults ({@code shortest}, {@code bicubic}).
 */
record ClipConfig(int embedDim, int imageSize, float[] mean, float[] std, ResizeMode resizeMode, Interpolation interpolation,
        int contextLength, long padId, double logitScale) {

    static final int DEFAULT_CONTEXT = 77;
    /** CLIP's learnt temperature saturates at 100 in training; exports rarely carry it. */
    static final double DEFAULT_LOGIT_SCALE = 100;

    enum ResizeMode { SHORTEST, LONGEST, SQUASH }

    enum Interpolation { BICUBIC, BILINEAR, NEAREST }

    static ClipConfig read(Path folder, ObjectMapper json) {
        Path file = Files.isRegularFile(folder.resolve("config.json")) ? folder.resolve("config.json") : folder.resolve("open_clip_config.json");
        if (!Files.isRegularFile(file)) {
            throw new ModelException("CLIP model in " + folder + " has no config.json (or open_clip_config.json)");
        }
        JsonNode root = parse(file, json);
        JsonNode model = root.has("model_cfg") ? root.get("model_cfg") : root;
        JsonNode pre = root.has("preprocess_cfg") ? root.get("preprocess_cfg") : immichPreprocess(folder, json, root);
        int embed = require(model, file, "embed_dim").asInt();
        int size = imageSize(model, pre, file);
        JsonNode text = model.path("text_cfg");
        return new ClipConfig(embed, size, triple(pre, file, "mean", "image_mean"), triple(pre, file, "std", "image_std"),
                ResizeMode.valueOf(pre.path("resize_mode").asText("shortest").toUpperCase(Locale.ROOT)),
                Interpolation.valueOf(pre.path("interpolation").asText("bicubic").toUpperCase(Locale.ROOT)),
                text.path("context_length").asInt(DEFAULT_CONTEXT), text.path("pad_id").asLong(0), logitScale(root, model));
    }

    private static JsonNode immichPreprocess(Path folder, ObjectMapper json, JsonNode root) {
        Path p = folder.resolve("visual").resolve("preprocess_cfg.json");
        return Files.isRegularFile(p) ? parse(p, json) : root;
    }

    private static int imageSize(JsonNode model, JsonNode pre, Path file) {
        JsonNode size = model.path("vision_cfg").path("image_size");
        if (size.isMissingNode()) {
            size = pre.has("size") ? pre.get("size") : pre.path("image_size");
        }
        if (size.isArray() && size.size() == 2 && size.get(0).asInt() == size.get(1).asInt()) {
            size = size.get(0);
        }
        if (!size.canConvertToInt() || size.asInt() < 1 || size.asInt() > 4096) {
            throw new ModelException(file.getFileName() + " lacks a square image size: expected model_cfg.vision_cfg.image_size "
                    + "(or vision_cfg.image_size, preprocess_cfg.size), found " + (size.isMissingNode() ? "nothing" : size));
        }
        return size.asInt();
    }

    private static float[] triple(JsonNode pre, Path file, String key, String alias) {
        JsonNode v = pre.has(key) ? pre.get(key) : pre.path(alias);
        if (!v.isArray() || v.size() != 3) {
            throw new ModelException(file.getFileName() + " lacks preprocess " + key + " (three numbers, one per RGB channel; key '"
                    + key + "' or '" + alias + "')");
        }
        float[] out = new float[3];
        for (int i = 0; i < 3; i++) {
            out[i] = (float) v.get(i).asDouble();
        }
        if (key.equals("std") && (out[0] <= 0 || out[1] <= 0 || out[2] <= 0)) {
            throw new ModelException(file.getFileName() + ": preprocess std must be positive");
        }
        return out;
    }

    /** OpenCLIP keeps the scale as its logarithm (ln 100 = 4.6); a stored value up to 10 is read as that. */
    private static double logitScale(JsonNode root, JsonNode model) {
        JsonNode v = root.has("logit_scale") ? root.get("logit_scale") : model.path("logit_scale");
        if (!v.isNumber() || v.asDouble() <= 0) {
            return DEFAULT_LOGIT_SCALE;
        }
        return v.asDouble() <= 10 ? Math.exp(v.asDouble()) : v.asDouble();
    }

    private static JsonNode require(JsonNode node, Path file, String key) {
        JsonNode v = node.path(key);
        if (!v.canConvertToInt() || v.asInt() < 1) {
            throw new ModelException(file.getFileName() + " lacks " + key + " (at top level or under model_cfg)");
        }
        return v;
    }

    private static JsonNode parse(Path file, ObjectMapper json) {
        try {
            JsonNode n = json.readTree(file.toFile());
            if (n == null || !n.isObject()) {
                throw new ModelException(file.getFileName() + " is not a JSON object");
            }
            return n;
        } catch (IOException e) {
            throw new ModelException(file.getFileName() + " is not valid JSON: " + e.getMessage(), e);
        }
    }
}
