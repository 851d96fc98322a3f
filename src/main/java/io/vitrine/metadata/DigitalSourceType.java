package io.vitrine.metadata;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the IPTC Digital Source Type a file declares (XMP {@code Iptc4xmpExt:DigitalSourceType}, as
 * the extractor keeps it in the raw tree, or an IPTC/C2PA field of that name) and says whether it
 * declares generative AI. Only the two codes that mean a trained model made the pixels count:
 * {@code algorithmicMedia} is formula-made (no training) and {@code algorithmicallyEnhanced} is a
 * retouch. Shared by the review tiers and the risk flags, so both read a file the same way.
 */
public final class DigitalSourceType {
    public static final Set<String> AI_CODES = Set.of("trainedAlgorithmicMedia", "compositeWithTrainedAlgorithmicMedia");
    private static final String FIELD = "digitalsourcetype";

    private DigitalSourceType() {}

    /** A declaration of generative AI: the field it was found in, its value as written and the code. */
    public record Declared(String field, String value, String code) {}

    /** The first field that declares an AI code, or empty when the file declares none. */
    public static Optional<Declared> declaredAi(ExtractedMetadata extracted) {
        if (extracted == null || extracted.raw() == null) {
            return Optional.empty();
        }
        return find(extracted.raw(), "", 0);
    }

    private static Optional<Declared> find(Map<?, ?> tree, String path, int depth) {
        if (depth > 4) {
            return Optional.empty();
        }
        for (Map.Entry<?, ?> e : tree.entrySet()) {
            String key = String.valueOf(e.getKey());
            if (e.getValue() instanceof Map<?, ?> group) {
                Optional<Declared> inner = find(group, path + key + "/", depth + 1);
                if (inner.isPresent()) {
                    return inner;
                }
            } else if (key.toLowerCase(Locale.ROOT).contains(FIELD)) {
                String value = String.valueOf(e.getValue());
                Optional<String> code = aiCode(value);
                if (code.isPresent()) {
                    return Optional.of(new Declared(path + key, value.strip(), code.get()));
                }
            }
        }
        return Optional.empty();
    }

    /** The code is the last segment of the IPTC NewsCodes URI (…/digitalsourcetype/trainedAlgorithmicMedia). */
    public static Optional<String> aiCode(String value) {
        String v = value.strip();
        String last = v.substring(v.lastIndexOf('/') + 1);
        return AI_CODES.contains(last) ? Optional.of(last) : Optional.empty();
    }
}
