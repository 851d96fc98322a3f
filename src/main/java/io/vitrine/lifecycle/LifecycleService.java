package io.vitrine.lifecycle;

import io.vitrine.asset.Asset;
import io.vitrine.asset.AssetNotFoundException;
import io.vitrine.asset.AssetService;
import io.vitrine.auth.Principal;
import io.vitrine.rights.LicenceRepository;
import io.vitrine.workflow.WorkflowService;
import io.vitrine.workflow.WorkflowState;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Runs the lifecycle rules ({@link LifecycleRule}, data in the database) over the library: each
 * enabled rule finds the assets its trigger holds for and takes its action. Every action is
 * idempotent (a quarantined asset is not found again, a warning is given once, an archived asset is
 * not archived again), so two nodes running at once, or a run after a crash, do no harm. A dry run
 * reports the same actions without taking them.
 */
public final class LifecycleService {
    static final String GUIDELINE = "brand-guideline-version";
    /**
     * Releases starting or ending before this instant have had their assets' risk re-assessed (a setting, so every
     * node and restart agrees; the key predates starts and keeps its name so an upgrade does not sweep again).
     */
    static final String RELEASES_CHECKED = "release-ends-checked-until";
    /** The built-in sweeps' names in reports: not rules people can switch off, since risk flags must follow consent. */
    public static final String RELEASE_ENDED = "release-ended";
    public static final String RELEASE_STARTED = "release-started";
    public static final String ASSESS_RISK = "assess-risk";
    private static final Principal SYSTEM = new Principal("lifecycle", "lifecycle rules", Set.of(Principal.ADMIN), Set.of());

    private final LifecycleRepository repo;
    private final LicenceRepository licences;
    private final AssetService assets;
    private final WorkflowService workflow;
    private final Clock clock;
    private final io.vitrine.db.Transactions tx;
    private final io.vitrine.events.Events events;
    private final ExpiryWarnings expiry;
    private volatile java.util.function.Consumer<String> releaseChanged = assetId -> { };

    public LifecycleService(LifecycleRepository repo, LicenceRepository licences, AssetService assets, WorkflowService workflow,
            Clock clock, io.vitrine.db.Transactions tx, io.vitrine.events.Events events, ExpiryWarnings expiry) {
        this.expiry = expiry;
        this.tx = tx;
        this.events = events;
        this.repo = repo;
        this.licences = licences;
        this.assets = assets;
        this.workflow = workflow;
        this.clock = clock;
    }

    /**
     * One action; for {@code notify-owner} also who gets it ({@code recipients}: the owner, or the
     * librarians), the licence and its end.
     */
    public record Action(String assetId, String rule, String action, String reason, List<String> recipients, String licenceId,
            String endsAt, String startsAt) {
        public Action(String assetId, String rule, String action, String reason) {
            this(assetId, rule, action, reason, null, null, null, null);
        }
    }

    public record Report(boolean dryRun, List<Action> actions) {}

    /**
     * Called with an asset's id, inside the run's transaction, when a release attached to it has come into force or
     * ended since the last run: what depends on releases (the risk step's {@code people-without-release}) is queued again.
     */
    public void onReleaseChanged(java.util.function.Consumer<String> listener) {
        this.releaseChanged = listener;
    }

    public Report run(boolean dryRun) {
        Instant now = clock.instant();
        List<Action> actions = new ArrayList<>(releasesChanged(now, dryRun));
        for (LifecycleRule rule : repo.rules()) {
            if (rule.enabled()) {
                for (Action a : found(rule, now)) {
                    if (dryRun || take(rule, a, now)) {
                        actions.add(a);
                    }
                }
            }
        }
        return new Report(dryRun, actions);
    }

    private List<Action> found(LifecycleRule rule, Instant now) {
        String act = rule.action().apiName();
        return switch (rule.trigger()) {
            case LICENCE_ENDED -> licences.fullyExpired(now).stream()
                    .map(e -> new Action(e.assetId(), rule.id(), act, "every licence has ended (the last on " + e.lastEnd() + ")")).toList();
            case LICENCE_ENDING -> ending(rule, now);
            case LICENCE_EXPIRING -> expiry.due(rule, now);
            case CAMPAIGN_ENDED -> repo.campaignsEndedBefore(now).stream()
                    .filter(id -> !"archived".equals(workflow.state(id)))
                    .map(id -> new Action(id, rule.id(), act, "its campaign ended on " + repo.facts(id).map(f -> f.campaignEnd()).orElse(null)))
                    .toList();
            case GUIDELINE_CHANGED -> repo.setting(GUIDELINE).map(v -> guidelineChanged(rule, v)).orElse(List.of());
        };
    }

    /**
     * The assets whose release came into force or ended since the last run (from the start of time on the first):
     * their risk is assessed again, and the mark moves on in the same transaction. Two nodes racing queue the step
     * twice, which is harmless (the step is idempotent); a crash before commit leaves the mark where it was.
     */
    private List<Action> releasesChanged(Instant now, boolean dryRun) {
        Instant from = repo.setting(RELEASES_CHECKED).map(Instant::parse).orElse(Instant.EPOCH);
        if (!from.isBefore(now)) {
            return List.of();
        }
        List<Action> found = new ArrayList<>();
        licences.releasesStartingBetween(from, now).forEach(s -> found.add(new Action(s.assetId(), RELEASE_STARTED, ASSESS_RISK,
                "release " + s.licenceId() + " came into force on " + s.startsAt(), null, s.licenceId(), null, s.startsAt().toString())));
        licences.releasesEndingBetween(from, now).forEach(e -> found.add(new Action(e.assetId(), RELEASE_ENDED, ASSESS_RISK,
                "release " + e.licenceId() + " ended on " + e.endsAt(), null, e.licenceId(), e.endsAt().toString(), null)));
        if (!dryRun) {
            tx.run(() -> {
                found.stream().map(Action::assetId).distinct().forEach(releaseChanged);
                repo.saveSetting(RELEASES_CHECKED, now.toString());
            });
        }
        return found;
    }

    private List<Action> ending(LifecycleRule rule, Instant now) {
        int days = rule.withinDays() == null ? 14 : rule.withinDays();
        Set<String> ended = new java.util.HashSet<>(licences.fullyExpired(now).stream().map(LicenceRepository.Expired::assetId).toList());
        return licences.fullyExpired(now.plus(Duration.ofDays(days))).stream().filter(e -> !ended.contains(e.assetId()))
                .map(e -> new Action(e.assetId(), rule.id(), rule.action().apiName(), "its last licence ends on " + e.lastEnd()
                        + ", within " + days + " days"))
                .toList();
    }

    private List<Action> guidelineChanged(LifecycleRule rule, String current) {
        return repo.guidelineNot(current).stream()
                .filter(id -> WorkflowState.byApiName(workflow.state(id)).map(WorkflowState::released).orElse(false))
                .map(id -> new Action(id, rule.id(), rule.action().apiName(), "approved under brand guideline "
                        + repo.facts(id).map(LifecycleRepository.Facts::guidelineVersion).orElse("(unrecorded)") + "; now " + current))
                .toList();
    }

    /** Takes one action; false when it turned out to be done already (another node, a racing person). */
    private boolean take(LifecycleRule rule, Action a, Instant now) {
        try {
            switch (rule.action()) {
                case QUARANTINE -> assets.quarantine(a.assetId(), a.reason());
                case WARN -> {
                    return warn(rule, a, now);
                }
                case ARCHIVE -> transition(a, WorkflowState.ARCHIVED);
                case REVIEW_AGAIN -> reviewAgain(a);
                case NOTIFY_OWNER -> {
                    return expiry.give(rule, a, now);
                }
            }
            return true;
        } catch (AssetNotFoundException | io.vitrine.workflow.WorkflowRefusedException e) {
            return false;
        }
    }

    /** The warning and its {@code asset.lifecycle.warning} event (webhooks, the live stream) commit together, once. */
    private boolean warn(LifecycleRule rule, Action a, Instant now) {
        return tx.inTransaction(() -> {
            boolean fresh = repo.warn(a.assetId(), rule.id(), a.reason(), now);
            if (fresh) {
                events.record("asset.lifecycle.warning", a.assetId(), java.util.Map.of("rule", rule.id(), "detail", a.reason()));
            }
            return fresh;
        });
    }

    private void transition(Action a, WorkflowState to) {
        Asset asset = assets.get(a.assetId());
        workflow.transition(SYSTEM, asset, new WorkflowService.Transition(to, null, "lifecycle rule " + a.rule() + ": " + a.reason(), null));
    }

    /** Sends the asset back to review and records the current guideline on it, so the rule does not fire again. */
    private void reviewAgain(Action a) {
        transition(a, WorkflowState.IN_REVIEW);
        String current = repo.setting(GUIDELINE).orElse(null);
        LifecycleRepository.Facts f = repo.facts(a.assetId()).orElse(new LifecycleRepository.Facts(a.assetId(), null, null));
        repo.saveFacts(new LifecycleRepository.Facts(a.assetId(), f.campaignEnd(), current));
    }

    public List<LifecycleRule> rules() {
        return repo.rules();
    }

    /** Replaces the rules after checking each: known trigger and action, an action the trigger allows, unique ids. */
    public List<LifecycleRule> replaceRules(List<LifecycleRule> rules) {
        Set<String> ids = new java.util.HashSet<>();
        for (LifecycleRule r : rules) {
            if (r.id() == null || !r.id().matches("[a-z0-9][a-z0-9-]{0,63}") || !ids.add(r.id())) {
                throw new IllegalArgumentException("each rule needs a unique 'id' of lower-case letters, digits and dashes");
            }
            if (!r.trigger().allows(r.action())) {
                throw new IllegalArgumentException("rule " + r.id() + ": " + r.trigger().apiName() + " cannot " + r.action().apiName());
            }
            if (r.withinDays() != null && (r.withinDays() < 1 || r.withinDays() > 365)) {
                throw new IllegalArgumentException("rule " + r.id() + ": 'withinDays' must be 1 to 365");
            }
        }
        repo.replaceRules(rules);
        return repo.rules();
    }

    public LifecycleRepository.Facts facts(String assetId) {
        return repo.facts(assetId).orElse(new LifecycleRepository.Facts(assetId, null, null));
    }

    public LifecycleRepository.Facts saveFacts(LifecycleRepository.Facts f) {
        repo.saveFacts(f);
        return facts(f.assetId());
    }

    public java.util.Optional<String> guideline() {
        return repo.setting(GUIDELINE);
    }

    public void setGuideline(String version) {
        if (version == null || version.isBlank() || version.length() > 64) {
            throw new IllegalArgumentException("'version' must be 1 to 64 characters");
        }
        repo.saveSetting(GUIDELINE, version.strip());
    }

    public List<LifecycleRepository.Warning> warnings(int limit) {
        return repo.warnings(limit);
    }
}
