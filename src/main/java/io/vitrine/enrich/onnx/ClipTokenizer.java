package io.vitrine.enrich.onnx;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vitrine.enrich.ModelException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;

/**
 * CLIP's text input: the export's Hugging Face {@code tokenizer.json} (byte-level BPE) through DJL,
 * framed by the start and end tokens, then cut or padded to the context length the way OpenCLIP's
 * {@code tokenize} does: a text too long keeps its first {@code context - 1} tokens and ends with the
 * end token (the text tower reads the end token's position), the rest is {@code padId}.
 */
final class ClipTokenizer implements AutoCloseable {
    static final String START = "<|startoftext|>";
    static final String END = "<|endoftext|>";

    /** One text as ids and attention mask, both {@code context} long. */
    record Tokens(long[] ids, long[] mask) {}

    private final HuggingFaceTokenizer tokenizer;
    private final int context;
    private final long padId;
    private final long start;
    private final long end;

    ClipTokenizer(Path tokenizerJson, int context, long configPadId, ObjectMapper json) {
        if (context < 2) {
            throw new ModelException("CLIP context length must be at least 2, got " + context);
        }
        JsonNode spec;
        try {
            spec = json.readTree(tokenizerJson.toFile());
        } catch (IOException e) {
            throw new ModelException(tokenizerJson.getFileName() + " is not valid JSON: " + e.getMessage(), e);
        }
        this.context = context;
        this.start = special(spec, START);
        this.end = special(spec, END);
        this.padId = padId(spec, tokenizerJson.resolveSibling("tokenizer_config.json"), configPadId, json);
        offline();
        try (InputStream in = Files.newInputStream(tokenizerJson)) {
            this.tokenizer = HuggingFaceTokenizer.newInstance(in, Map.of("truncation", "false", "padding", "false",
                    "addSpecialTokens", "true"));
        } catch (IOException | RuntimeException e) {
            throw new ModelException("textual/tokenizer.json cannot be loaded: " + e.getMessage(), e);
        }
    }

    int context() {
        return context;
    }

    Tokens encode(String text) {
        long[] raw = frame(tokenizer.encode(text));
        long[] ids = new long[context];
        long[] mask = new long[context];
        Arrays.fill(ids, padId);
        if (raw.length > context) {
            System.arraycopy(raw, 0, ids, 0, context - 1);
            ids[context - 1] = raw[raw.length - 1];
            Arrays.fill(mask, 1);
        } else {
            System.arraycopy(raw, 0, ids, 0, raw.length);
            Arrays.fill(mask, 0, raw.length, 1);
        }
        return new Tokens(ids, mask);
    }

    /** Adds start and end when the tokenizer's own post-processor did not (exports differ). */
    private long[] frame(Encoding e) {
        long[] ids = e.getIds();
        if (start < 0 || end < 0 || (ids.length > 0 && ids[0] == start)) {
            return ids;
        }
        long[] out = new long[ids.length + 2];
        out[0] = start;
        System.arraycopy(ids, 0, out, 1, ids.length);
        out[out.length - 1] = end;
        return out;
    }

    /**
     * The tokenizer's own padding id, else the {@code pad_token} of a {@code tokenizer_config.json} beside
     * it (Immich pads with it), else the config's (OpenCLIP pads with 0).
     */
    private static long padId(JsonNode spec, Path tokenizerConfig, long configPadId, ObjectMapper json) {
        JsonNode pad = spec.path("padding").path("pad_id");
        if (pad.canConvertToLong()) {
            return pad.asLong();
        }
        if (Files.isRegularFile(tokenizerConfig)) {
            try {
                JsonNode token = json.readTree(tokenizerConfig.toFile()).path("pad_token");
                String name = token.isObject() ? token.path("content").asText() : token.asText();
                long id = name.isEmpty() ? -1 : special(spec, name);
                if (id >= 0) {
                    return id;
                }
            } catch (IOException e) {
                throw new ModelException("textual/tokenizer_config.json is not valid JSON: " + e.getMessage(), e);
            }
        }
        return configPadId;
    }

    /** The id of a special token from {@code added_tokens} or the BPE vocabulary; -1 when the tokenizer has none. */
    private static long special(JsonNode spec, String content) {
        for (JsonNode t : spec.path("added_tokens")) {
            if (content.equals(t.path("content").asText())) {
                return t.path("id").asLong();
            }
        }
        JsonNode v = spec.path("model").path("vocab").path(content);
        return v.canConvertToLong() ? v.asLong() : -1;
    }

    /** Same reason as the text embedder's DjlOffline: tokenizing must never call the network. */
    private static void offline() {
        if (System.getenv("DJL_OFFLINE") == null && System.getProperty("ai.djl.offline") == null) {
            System.setProperty("ai.djl.offline", "true");
        }
    }

    @Override
    public void close() {
        tokenizer.close();
    }
}
