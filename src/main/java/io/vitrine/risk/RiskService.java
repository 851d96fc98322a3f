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
    /** A draft this sure counts without a person: a reviewer then accepts or rejects it in the legal tier. */
    public static final double RAISE = 0.5;
    /** Every flag the step can raise. */
    public static final List<String> FLAGS = List.of(RiskRules.PEOPLE, "weapon", "alcohol", "tobacco", "drugs-medical",
            RiskRules.PERSONAL_DATA, RiskRules.AI_GENERATED);

    private final AssetRepository assets;
    private final RiskRepository repo;
    private final JobQueue jobs;
    private final Transactions tx;
    private final Clock clock;

    public RiskService(AssetRepository assets, RiskRepository repo, JobQueue jobs, Transactions tx, Clock clock) {
        this.assets = assets;
        this.repo = repo;
        this.jobs = jobs;
        this.tx = tx;
        this.clock = clock;
    }

    public List<RiskFlag> flags(String assetId) {
        return repo.flags(assetId);
    }

    /** The flags that count for review and search. */
    public Set<String> raised(String assetId) {
        Set<String> out = new TreeSet<>();
        repo.flags(assetId).stream().filter(f -> f.raised(RAISE)).forEach(f -> out.add(f.flag()));
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
