package io.vitrine.risk;

import io.vitrine.enrich.Tag;
import java.time.Instant;
import java.util.List;

/**
 * A content risk an analysis raised on an asset, as draft metadata. {@code source} says what kind of
 * signal it rests on ({@code ai}: a model's output; {@code metadata}: what the file declares);
 * {@code model}/{@code modelVersion} name the model or rule set that produced the signal; {@code
 * evidence} lists what raised it in words a reviewer can check (class and probability, a masked
 * match, an XMP value), never the personal data itself.
 */
public record RiskFlag(String flag, double confidence, Tag.Status status, String source, String model, String modelVersion,
        List<String> evidence, Instant createdAt, Instant decidedAt) {

    public RiskFlag {
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
    }

    /** A new draft found now. */
    static RiskFlag draft(String flag, double confidence, String source, String model, String modelVersion,
            List<String> evidence, Instant at) {
        return new RiskFlag(flag, Math.round(Math.min(1.0, confidence) * 10_000) / 10_000.0, Tag.Status.DRAFT, source, model,
                modelVersion, evidence, at, null);
    }

    /**
     * The words people read for a flag name (pages, facet sidebars); an unknown name reads as itself,
     * so a flag added later still shows rather than vanishing.
     */
    public static String label(String flag) {
        return switch (flag) {
            case "weapon" -> "Weapon";
            case "alcohol" -> "Alcohol";
            case "tobacco" -> "Tobacco";
            case "drugs-medical" -> "Drugs / medical";
            case RiskRules.PEOPLE -> "People without release";
            case RiskRules.PERSONAL_DATA -> "Personal data";
            case RiskRules.AI_GENERATED -> "AI-generated";
            default -> flag;
        };
    }

    /** Whether it counts as raised: accepted, or a draft at or above the threshold; a rejected flag never counts. */
    public boolean raised(double threshold) {
        return status == Tag.Status.ACCEPTED || (status == Tag.Status.DRAFT && confidence >= threshold);
    }
}
