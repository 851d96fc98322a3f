package io.vitrine.workflow;

import io.vitrine.asset.Asset;
import io.vitrine.metadata.DigitalSourceType;
import java.util.Optional;
import java.util.Set;

/**
 * Whether a file declares generative AI, through the IPTC Digital Source Type it carries (read by
 * {@link DigitalSourceType}, which the risk flags share): only {@code trainedAlgorithmicMedia} and
 * {@code compositeWithTrainedAlgorithmicMedia} count; formula-made or retouched media are reviewed
 * like any other asset.
 */
final class AiProvenance {
    static final Set<String> AI_CODES = DigitalSourceType.AI_CODES;

    private AiProvenance() {}

    /** The declared AI code ("trainedAlgorithmicMedia"), or empty when the file declares none. */
    static Optional<String> declaredAi(Asset asset) {
        return DigitalSourceType.declaredAi(asset.extracted()).map(DigitalSourceType.Declared::code);
    }

    static Optional<String> code(String value) {
        return DigitalSourceType.aiCode(value);
    }
}
