package io.vitrine.workflow;

import io.vitrine.asset.Asset;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the IPTC Digital Source Type a file declares (XMP {@code Iptc4xmpExt:DigitalSourceType},
 * as the metadata extractor keeps it in the raw tree, or an IPTC/C2PA field of that name) and says
 * whether it declares generative AI. Only the two codes that mean a trained model made the pixels
 * count: {@code algorithmicMedia} is formula-made (no training) and {@code algorithmicallyEnhanced}
 * is a retouch, both reviewed like any other asset.
 */
final class AiProvenance {
    static final Set<String> AI_CODES = Set.of("trainedAlgorithmicMedia", "compositeWithTrainedAlgorithmicMedia");
    private static final String FIELD = "digitalsourcetype";

    private AiProvenance() {}

    /** The declared AI code ("trainedAlgorithmicMedia"), or empty when the file declares none. */
    static Optional<String> declaredAi(Asset asset) {
        if (asset.extracted() == null || asset.extracted().raw() == null) {
            return Optional.empty();
        }
        return find(asset.extracted().raw(), 0);
    }

    private static Optional<String> find(Map<?, ?> tree, int depth) {
        if (depth > 4) {
            return Optional.empty();
        }
        for (Map.Entry<?, ?> e : tree.entrySet()) {
            if (e.getValue() instanceof Map<?, ?> group) {
                Optional<String> inner = find(group, depth + 1);
                if (inner.isPresent()) {
                    return inner;
                }
            } else if (String.valueOf(e.getKey()).toLowerCase(java.util.Locale.ROOT).contains(FIELD)) {
                Optional<String> code = code(String.valueOf(e.getValue()));
                if (code.isPresent()) {
                    return code;
                }
            }
        }
        return Optional.empty();
    }

    /** The code is the last segment of the IPTC NewsCodes URI (…/digitalsourcetype/trainedAlgorithmicMedia). */
    static Optional<String> code(String value) {
        String v = value.strip();
        String last = v.substring(v.lastIndexOf('/') + 1);
        return AI_CODES.contains(last) ? Optional.of(last) : Optional.empty();
    }
}
