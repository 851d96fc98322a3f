package io.vitrine.workflow;

import java.util.List;
import java.util.Locale;

/**
 * A tier rule as data: when every condition it states holds, the review needs at least {@code tier}.
 * Unstated conditions (empty lists, null {@code aiGenerated}) hold for every asset. {@code
 * mediaTypes} are prefixes ("video/" or "image/svg+xml"); {@code riskFlags} match when the asset
 * carries any of them, and {@code "*"} when it carries any flag at all; {@code channels} are the
 * intended channel's API names.
 */
public record TierRule(String name, int tier, String description, List<String> mediaTypes, Boolean aiGenerated,
        List<String> riskFlags, List<String> channels) {

    public static final String ANY_FLAG = "*";

    public TierRule {
        mediaTypes = mediaTypes == null ? List.of() : List.copyOf(mediaTypes);
        riskFlags = riskFlags == null ? List.of() : List.copyOf(riskFlags);
        channels = channels == null ? List.of() : List.copyOf(channels);
    }

    public boolean matches(ReviewInputs in) {
        return mediaTypeMatches(in.mediaType())
                && (aiGenerated == null || aiGenerated == in.aiGenerated())
                && riskFlagsMatch(in)
                && (channels.isEmpty() || (in.channel() != null && channels.contains(in.channel().apiName())));
    }

    private boolean mediaTypeMatches(String mediaType) {
        String type = mediaType == null ? "" : mediaType.toLowerCase(Locale.ROOT);
        return mediaTypes.isEmpty() || mediaTypes.stream().anyMatch(p -> type.startsWith(p.toLowerCase(Locale.ROOT)));
    }

    private boolean riskFlagsMatch(ReviewInputs in) {
        if (riskFlags.isEmpty()) {
            return true;
        }
        return riskFlags.contains(ANY_FLAG) ? !in.riskFlags().isEmpty() : riskFlags.stream().anyMatch(in.riskFlags()::contains);
    }
}
