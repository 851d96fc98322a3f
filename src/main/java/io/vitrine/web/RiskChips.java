package io.vitrine.web;

import io.vitrine.auth.Permission;
import io.vitrine.enrich.Tag;
import io.vitrine.risk.RiskFlag;
import io.vitrine.risk.RiskService;
import java.util.Comparator;
import java.util.List;

/**
 * An asset's content risk flags as the detail page shows them: undecided drafts first, surest
 * first, each with the evidence a reviewer checks before she accepts or rejects it.
 */
final class RiskChips {
    private final RiskService risks;

    RiskChips(RiskService risks) {
        this.risks = risks;
    }

    /** A chip is marked raised exactly when review and search count it (its flag's threshold, releases). */
    AssetPage.Risks of(String assetId, Sessions.SignedIn who) {
        java.util.Set<String> raised = risks.raised(assetId);
        List<AssetPage.RiskChip> flags = risks.flags(assetId).stream()
                .sorted(Comparator.comparing((RiskFlag f) -> f.status() != Tag.Status.DRAFT)
                        .thenComparing(RiskFlag::confidence, Comparator.reverseOrder()))
                .map(f -> chip(f, raised.contains(f.flag())))
                .toList();
        return new AssetPage.Risks(flags, who.principal().can(Permission.WORKFLOW_REVIEW));
    }

    private static AssetPage.RiskChip chip(RiskFlag f, boolean raised) {
        String source = "metadata".equals(f.source()) ? "the file's own metadata" : "AI";
        return new AssetPage.RiskChip(f.flag(), RiskFlag.label(f.flag()), (int) Math.round(f.confidence() * 100),
                f.status().apiName(), raised, source, f.model() + " " + f.modelVersion(), f.evidence());
    }
}
