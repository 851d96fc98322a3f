package io.vitrine.enrich.onnx;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/**
 * The real CLIP tokenizer as a Hugging Face {@code tokenizer.json}, built the way OpenAI's
 * {@code simple_tokenizer.py} builds its vocabulary from {@code bpe_simple_vocab_16e6.txt.gz}: the 256
 * byte symbols, the same with {@code </w>}, one token per merge (the first 48,894), then the start and
 * end tokens (49406, 49407). The JSON mirrors {@code openai/clip-vit-base-patch32}'s tokenizer.json.
 */
public final class ClipBpe {
    public static final Path VOCAB = Path.of("../shared/models/bpe_simple_vocab_16e6.txt.gz");
    static final int MERGES = 49152 - 256 - 2;

    private ClipBpe() {}

    /** Token → id, in CLIP's order. */
    public static Map<String, Integer> vocab(List<String> merges) {
        List<String> bytes = byteSymbols();
        Map<String, Integer> vocab = new LinkedHashMap<>();
        bytes.forEach(b -> vocab.put(b, vocab.size()));
        bytes.forEach(b -> vocab.put(b + "</w>", vocab.size()));
        merges.forEach(m -> vocab.put(m.replace(" ", ""), vocab.size()));
        vocab.put(ClipTokenizer.START, vocab.size());
        vocab.put(ClipTokenizer.END, vocab.size());
        return vocab;
    }

    public static List<String> merges() throws IOException {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(new GZIPInputStream(Files.newInputStream(VOCAB)),
                StandardCharsets.UTF_8))) {
            List<String> lines = r.lines().skip(1).limit(MERGES).toList();
            return new ArrayList<>(lines);
        }
    }

    /** GPT-2's byte-to-unicode table, in its order (printable bytes first). */
    static List<String> byteSymbols() {
        List<Integer> bs = new ArrayList<>();
        for (int b = '!'; b <= '~'; b++) {
            bs.add(b);
        }
        for (int b = 0xA1; b <= 0xAC; b++) {
            bs.add(b);
        }
        for (int b = 0xAE; b <= 0xFF; b++) {
            bs.add(b);
        }
        List<String> out = new ArrayList<>();
        bs.forEach(b -> out.add(Character.toString(b)));
        int n = 0;
        for (int b = 0; b < 256; b++) {
            if (!bs.contains(b)) {
                out.add(Character.toString(256 + n++));
            }
        }
        return out;
    }

    public static String tokenizerJson(Map<String, Integer> vocab, List<String> merges, ObjectMapper json) throws IOException {
        ObjectNode root = json.createObjectNode().put("version", "1.0");
        root.putNull("truncation");
        root.putNull("padding");
        ArrayNode added = root.putArray("added_tokens");
        for (String t : List.of(ClipTokenizer.START, ClipTokenizer.END)) {
            added.addObject().put("id", vocab.get(t)).put("content", t).put("single_word", false).put("lstrip", false)
                    .put("rstrip", false).put("normalized", true).put("special", true);
        }
        ObjectNode norm = root.putObject("normalizer").put("type", "Sequence");
        ArrayNode ns = norm.putArray("normalizers");
        ns.addObject().put("type", "NFC");
        ns.addObject().put("type", "Replace").put("content", " ").putObject("pattern").put("Regex", "\\s+");
        ns.addObject().put("type", "Lowercase");
        ObjectNode pre = root.putObject("pre_tokenizer").put("type", "Sequence");
        ArrayNode ps = pre.putArray("pretokenizers");
        ObjectNode split = ps.addObject().put("type", "Split").put("behavior", "Removed").put("invert", true);
        split.putObject("pattern").put("Regex",
                "<\\|startoftext\\|>|<\\|endoftext\\|>|'s|'t|'re|'ve|'m|'ll|'d|[\\p{L}]+|[\\p{N}]|[^\\s\\p{L}\\p{N}]+");
        ps.addObject().put("type", "ByteLevel").put("add_prefix_space", false).put("trim_offsets", true).put("use_regex", false);
        ObjectNode post = root.putObject("post_processor").put("type", "RobertaProcessing").put("trim_offsets", false)
                .put("add_prefix_space", false);
        post.putArray("sep").add(ClipTokenizer.END).add(vocab.get(ClipTokenizer.END));
        post.putArray("cls").add(ClipTokenizer.START).add(vocab.get(ClipTokenizer.START));
        root.putObject("decoder").put("type", "ByteLevel").put("add_prefix_space", true).put("trim_offsets", true).put("use_regex", true);
        ObjectNode model = root.putObject("model").put("type", "BPE").put("unk_token", ClipTokenizer.END)
                .put("continuing_subword_prefix", "").put("end_of_word_suffix", "</w>").put("fuse_unk", false).put("byte_fallback", false);
        model.putNull("dropout");
        ObjectNode v = model.putObject("vocab");
        vocab.forEach(v::put);
        ArrayNode m = model.putArray("merges");
        merges.forEach(m::add);
        return json.writeValueAsString(root);
    }
}
