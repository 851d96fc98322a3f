package io.vitrine.risk;

import io.vitrine.asset.AssetNotFoundException;
import io.vitrine.asset.AssetRepository;
import io.vitrine.db.Transactions;
import io.vitrine.enrich.Tag;
import io.vitrine.enrich.Thresholds;
import io.vitrine.pipeline.JobQueue;
import io.vitrine.pipeline.Step;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * An asset's risk flags and people's decisions on them. A flag is <em>raised</em> when a person
 * accepted it, or while it is a draft at or above its flag's threshold; raised flags feed the review
 * tier rules and the {@code risk} search facet, and a rejected flag never counts again (a re-run keeps
 * the decision). Each flag's threshold starts at the configured default ({@link #RAISE} unless set) and
 * is recalibrated from reviewers' decisions on that flag by the same rule as tags' ({@link Thresholds}).
 */
public final class RiskService {
    /**
     * The default threshold ({@code VITRINE_RISK_THRESHOLD}; the configuration's default repeats it): a
     * draft this sure counts without a person, and a reviewer then accepts or rejects it in the legal
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
    private final java.util.function.Function<String, java.util.Optional<java.time.Instant>> releasedAt;
    private final Thresholds thresholds;

    /**
     * {@code releasedAt}: when the newest release still attached to an asset was attached (the step sees a
     * change at its next run); {@code thresholds}: per flag, over the flags' own store.
     */
    public RiskService(AssetRepository assets, RiskRepository repo, JobQueue jobs, Transactions tx, Clock clock,
            java.util.function.Function<String, java.util.Optional<java.time.Instant>> releasedAt, Thresholds thresholds) {
        this.assets = assets;
        this.repo = repo;
        this.jobs = jobs;
        this.tx = tx;
        this.clock = clock;
        this.releasedAt = releasedAt;
        this.thresholds = thresholds;
    }

    /** The per-flag thresholds (every flag of {@link #FLAGS} has one, the default until someone decides). */
    public Thresholds thresholds() {
        return thresholds;
    }

    public List<RiskFlag> flags(String assetId) {
        return repo.flags(assetId);
    }

    /**
     * The flags that count for review and search. Attaching or taking off a release queues the risk
     * step, which settles the stored flags and the facet within seconds; until it has run, a release
     * attached now already clears a draft {@code people-without-release} and one a person accepted
     * before the release came ({@link RiskRules#moot}). One accepted while the release was attached
     * stays: she judged the release insufficient.
     */
    public Set<String> raised(String assetId) {
        Set<String> out = new TreeSet<>();
        for (RiskFlag f : repo.flags(assetId)) {
            if (f.raised(thresholds.of(f.flag())) && !(f.flag().equals(RiskRules.PEOPLE) && answeredByRelease(f, assetId))) {
                out.add(f.flag());
            }
        }
        return out;
    }

    /** A release is attached and the flag is a draft, or was accepted before the release came. */
    private boolean answeredByRelease(RiskFlag people, String assetId) {
        java.util.Optional<java.time.Instant> release = releasedAt.apply(assetId);
        return release.isPresent() && (people.status() == Tag.Status.DRAFT || RiskRules.moot(people, release));
    }

    /**
     * A person's word on a flag; the asset is re-indexed so the facet follows. A changed decision
     * recalibrates the flag's threshold, and assets whose draft of the flag the move crossed are
     * re-indexed too, so the facet of the whole library follows the new bar.
     */
    public RiskFlag decide(String assetId, String flag, Tag.Status status) {
        assets.findLive(assetId).orElseThrow(() -> new AssetNotFoundException(assetId));
        return tx.inTransaction(() -> {
            Tag.Status before = repo.flags(assetId).stream().filter(f -> f.flag().equals(flag)).findFirst()
                    .map(RiskFlag::status).orElse(null);
            RiskFlag decided = repo.decide(assetId, flag, status, clock.instant().truncatedTo(ChronoUnit.MICROS))
                    .orElseThrow(() -> new RiskNotFoundException(assetId, flag));
            if (before != null && before != status) {
                thresholds.record(flag, before, status, repo::draftsBetween,
                        crossed -> jobs.enqueue(crossed, new Step.Index(), clock.instant()));
            }
            jobs.enqueue(assetId, new Step.Index(), clock.instant());
            return decided;
        });
    }
}
