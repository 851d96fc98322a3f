package io.vitrine.risk;

import io.vitrine.asset.AssetNotFoundException;
import io.vitrine.asset.AssetRepository;
import io.vitrine.db.Transactions;
import io.vitrine.enrich.Tag;
import io.vitrine.pipeline.JobQueue;
import io.vitrine.pipeline.Step;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * An asset's risk flags and people's decisions on them. A flag is <em>raised</em> when a person
 * accepted it, or while it is a draft at or above {@link #RAISE}; raised flags feed the review tier
 * rules and the {@code risk} search facet, and a rejected flag never counts again (a re-run keeps
 * the decision).
 */
public final class RiskService {
    /**
     * A draft this sure counts without a person: a reviewer then accepts or rejects it in the legal
     * tier. On a 1,000-way softmax 0.4 on a handful of classes is a strong sighting; the one real
     * weapon in the corpus (a mortar) scores 0.49 through the preview, so 0.5 would miss it.
     */
    public static final double RAISE = 0.4;
    /** Every flag the step can raise. */
    public static final List<String> FLAGS = List.of(RiskRules.PEOPLE, "weapon", "alcohol", "tobacco", "drugs-medical",
            RiskRules.PERSONAL_DATA, RiskRules.AI_GENERATED);

    private final AssetRepository assets;
    private final RiskRepository repo;
    private final JobQueue jobs;
    private final Transactions tx;
    private final Clock clock;
    private final java.util.function.Predicate<String> released;

    /** {@code released}: whether an asset has a release attached now (the step only sees it at its next run). */
    public RiskService(AssetRepository assets, RiskRepository repo, JobQueue jobs, Transactions tx, Clock clock,
            java.util.function.Predicate<String> released) {
        this.assets = assets;
        this.repo = repo;
        this.jobs = jobs;
        this.tx = tx;
        this.clock = clock;
        this.released = released;
    }

    public List<RiskFlag> flags(String assetId) {
        return repo.flags(assetId);
    }

    /**
     * The flags that count for review and search. A release attached since the step last ran clears
     * a draft {@code people-without-release} at once (attaching does not re-run the step); one a
     * person accepted stays: she judged the release insufficient.
     */
    public Set<String> raised(String assetId) {
        Set<String> out = new TreeSet<>();
        boolean draftPeople = false;
        for (RiskFlag f : repo.flags(assetId)) {
            if (f.raised(RAISE)) {
                out.add(f.flag());
                draftPeople |= f.flag().equals(RiskRules.PEOPLE) && f.status() == Tag.Status.DRAFT;
            }
        }
        if (draftPeople && released.test(assetId)) {
            out.remove(RiskRules.PEOPLE);
        }
        return out;
    }

    /** A person's word on a flag; the asset is re-indexed so the facet follows. */
    public RiskFlag decide(String assetId, String flag, Tag.Status status) {
        assets.findLive(assetId).orElseThrow(() -> new AssetNotFoundException(assetId));
        return tx.inTransaction(() -> {
            RiskFlag decided = repo.decide(assetId, flag, status, clock.instant().truncatedTo(ChronoUnit.MICROS))
                    .orElseThrow(() -> new RiskNotFoundException(assetId, flag));
            jobs.enqueue(assetId, new Step.Index(), clock.instant());
            return decided;
        });
    }
}
