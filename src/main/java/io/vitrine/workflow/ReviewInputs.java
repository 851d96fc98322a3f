package io.vitrine.workflow;

import io.vitrine.rights.Channel;
import java.util.Set;

/**
 * What the tier rules look at when an asset is submitted. {@code aiSource} says why it counts as
 * AI-generated ("embedded: trainedAlgorithmicMedia", "human"), null when it does not.
 */
public record ReviewInputs(String mediaType, boolean aiGenerated, String aiSource, Set<String> riskFlags, Channel channel) {

    public ReviewInputs {
        riskFlags = riskFlags == null ? Set.of() : Set.copyOf(riskFlags);
    }
}
