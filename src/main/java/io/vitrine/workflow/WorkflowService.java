package io.vitrine.workflow;

import io.vitrine.asset.Asset;
import io.vitrine.asset.AssetStatus;
import io.vitrine.audit.AuditService;
import io.vitrine.auth.Principal;
import io.vitrine.db.Transactions;
import io.vitrine.pipeline.JobQueue;
import io.vitrine.pipeline.Step;
import io.vitrine.rights.Channel;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The approval workflow: submission picks the tier and opens one review task per approver role;
 * the asset is approved when every task of the round is approved and rejected as soon as one is;
 * publishing needs approval. Each change happens under the asset's workflow lock, in one
 * transaction with its history line, its audit event and the re-index job.
 */
public final class WorkflowService {
    private static final Logger LOG = LoggerFactory.getLogger(WorkflowService.class);
    static final int MAX_TEXT = 4000;
    /** The IPTC Digital Source Type codes that make an asset AI-generated. */
    public static final List<String> AI_DIGITAL_SOURCE_TYPES = List.copyOf(new java.util.TreeSet<>(AiProvenance.AI_CODES));

    private final WorkflowRepository repo;
    private final Tiering tiering;
    private final AuditService audit;
    private final JobQueue jobs;
    private final Transactions tx;
    private final Supplier<String> ids;
    private final Clock clock;
    private final WorkflowListener listener;
    private volatile io.vitrine.events.Events events = io.vitrine.events.Events.none();

    public WorkflowService(WorkflowRepository repo, Tiering tiering, AuditService audit, JobQueue jobs, Transactions tx,
            Supplier<String> ids, Clock clock, WorkflowListener listener) {
        this.repo = repo;
        this.tiering = tiering;
        this.audit = audit;
        this.jobs = jobs;
        this.tx = tx;
        this.ids = ids;
        this.clock = clock;
        this.listener = listener;
    }

    /** The content risk flags analysis raised on an asset and people did not reject (the risk module provides them). */
    @FunctionalInterface
    public interface RaisedRisks {
        java.util.Set<String> of(String assetId);
    }

    private volatile RaisedRisks raisedRisks = id -> java.util.Set.of();

    /** Lets raised AI risk flags count in the tier rules next to the ones people set, from now on. */
    public void useRaisedRisks(RaisedRisks r) {
        this.raisedRisks = r;
    }

    /** Records {@code asset.workflow.<state>} and {@code asset.workflow.comment} events in the change's transaction, from now on. */
    public void useEvents(io.vitrine.events.Events e) {
        this.events = e;
    }

    /** A request to move: {@code channel} only on submission; {@code comment} required to reject; {@code taskId} optional. */
    public record Transition(WorkflowState to, String channel, String comment, String taskId) {}

    public Tiering tiering() {
        return tiering;
    }

    public Workflow current(String assetId) {
        return repo.find(assetId).orElseGet(() -> Workflow.draft(assetId, null));
    }

    public Map<String, Workflow> current(List<String> assetIds) {
        Map<String, Workflow> found = repo.find(assetIds);
        Map<String, Workflow> out = new LinkedHashMap<>();
        assetIds.forEach(id -> out.put(id, found.getOrDefault(id, Workflow.draft(id, null))));
        return out;
    }

    /** The state's API name, for the search index. */
    public String state(String assetId) {
        return current(assetId).state().apiName();
    }

    /** The whole review: record, every round's tasks (newest round first) and the history. */
    public record Details(Workflow workflow, List<ReviewTask> tasks, List<WorkflowEvent> history) {}

    public Details details(String assetId) {
        List<ReviewTask> tasks = new ArrayList<>(repo.tasks(assetId));
        tasks.sort(java.util.Comparator.comparingInt(ReviewTask::round).reversed().thenComparing(ReviewTask::role));
        return new Details(current(assetId), tasks, repo.events(assetId));
    }

    public Workflow transition(Principal who, Asset asset, Transition t) {
        List<WorkflowEvent> events = new ArrayList<>();
        Workflow after = tx.inTransaction(() -> {
            Instant now = now();
            Workflow wf = repo.lock(asset.id(), now);
            return switch (t.to()) {
                case IN_REVIEW -> submit(who, asset, wf, t, now, events);
                case APPROVED, REJECTED -> new Decisions(this, who, wf, now, events).decide(t);
                case PUBLISHED, ARCHIVED -> move(who, asset, wf, t, now, events);
                case DRAFT -> throw refused(wf, t.to());
            };
        });
        events.forEach(this::tell);
        return after;
    }

    private Workflow submit(Principal who, Asset asset, Workflow wf, Transition t, Instant now, List<WorkflowEvent> events) {
        requireMove(wf, WorkflowState.IN_REVIEW);
        if (asset.status() != AssetStatus.READY) {
            throw new WorkflowRefusedException(WorkflowRefusedException.Reason.CONFLICT, "asset-not-ready", "asset " + asset.id()
                    + " is " + asset.status().apiName() + ": only a ready asset (processed, not quarantined or failed) can be submitted");
        }
        Channel channel = t.channel() == null ? null : Channel.byApiName(t.channel()).orElseThrow(() -> invalid(
                "unknown channel '" + clip(t.channel()) + "'; channels are web, social, print, ooh, broadcast, internal"));
        ReviewInputs in = inputs(asset, wf, channel);
        Tiering.Decision d = tiering.decide(in);
        repo.cancelOpen(asset.id(), now);
        Workflow next = wf.submitted(d, channel, asset.version(), actor(who), now);
        repo.save(next);
        List<String> roles = tiering.approvers(d.tier());
        for (String role : roles) {
            repo.insertTask(ReviewTask.open(ids.get(), asset.id(), next.round(), role, now.plus(tiering.sla(d.tier())), now));
        }
        Map<String, String> details = new LinkedHashMap<>();
        details.put("tier", Integer.toString(d.tier()));
        details.put("rules", String.join(",", d.rules()));
        details.put("approvers", String.join(",", roles));
        details.put("round", Integer.toString(next.round()));
        details.put("version", Integer.toString(asset.version()));
        if (channel != null) {
            details.put("channel", channel.apiName());
        }
        if (d.aiSource() != null) {
            details.put("aiGenerated", d.aiSource());
        }
        if (!in.riskFlags().isEmpty()) {
            details.put("riskFlags", String.join(",", new java.util.TreeSet<>(in.riskFlags())));
        }
        recordTransition(who, wf, next, text(t.comment()), details, now, events);
        return next;
    }

    /**
     * What the rules see: a person may mark an asset AI-made, but not clear what its file declares;
     * risk flags are those people set plus those analysis raised (a rejected AI flag is not raised).
     */
    ReviewInputs inputs(Asset asset, Workflow wf, Channel channel) {
        String source = aiSource(asset, wf);
        java.util.Set<String> flags = new java.util.TreeSet<>(wf.riskFlags());
        flags.addAll(raisedRisks.of(asset.id()));
        return new ReviewInputs(asset.mediaType(), source != null, source, flags, channel);
    }

    /** Why the asset counts as AI-generated ("embedded: trainedAlgorithmicMedia" or "human"), or null when it does not. */
    public static String aiSource(Asset asset, Workflow wf) {
        String declared = AiProvenance.declaredAi(asset).map(c -> "embedded: " + c).orElse(null);
        return declared != null ? declared : Boolean.TRUE.equals(wf.aiGenerated()) ? "human" : null;
    }

    private Workflow move(Principal who, Asset asset, Workflow wf, Transition t, Instant now, List<WorkflowEvent> events) {
        requireMove(wf, t.to());
        if (t.to() == WorkflowState.PUBLISHED) {
            requireUnchangedSinceReview(asset, wf, "published");
            if (asset.status() != AssetStatus.READY) {
                throw new WorkflowRefusedException(WorkflowRefusedException.Reason.CONFLICT, "asset-not-ready",
                        "asset " + asset.id() + " is " + asset.status().apiName() + " and cannot be published");
            }
        }
        repo.cancelOpen(asset.id(), now);
        Workflow next = wf.moved(t.to(), now);
        repo.save(next);
        recordTransition(who, wf, next, text(t.comment()), new LinkedHashMap<>(), now, events);
        return next;
    }

    /** History, audit and re-index for a state change; runs inside the caller's transaction. */
    void recordTransition(Principal who, Workflow from, Workflow to, String text, Map<String, String> details, Instant now,
            List<WorkflowEvent> events) {
        WorkflowEvent e = new WorkflowEvent(to.assetId(), WorkflowEvent.Kind.TRANSITION, from.state().apiName(),
                to.state().apiName(), null, actor(who), text, now);
        repo.append(e);
        events.add(e);
        details.put("from", from.state().apiName());
        details.put("to", to.state().apiName());
        if (text != null) {
            details.put("comment", text);
        }
        audit.record(actor(who), "workflow.transition", to.assetId(), details);
        this.events.record("asset.workflow." + to.state().apiName(), to.assetId(), details);
        jobs.enqueue(to.assetId(), new Step.Index(), now);
    }

    public void comment(Principal who, String assetId, String body) {
        String text = text(body);
        if (text == null) {
            throw invalid("a comment needs a non-empty 'text' of at most " + MAX_TEXT + " characters");
        }
        WorkflowEvent e = new WorkflowEvent(assetId, WorkflowEvent.Kind.COMMENT, null, null, null, actor(who), text, now());
        tx.run(() -> {
            repo.append(e);
            audit.record(actor(who), "workflow.comment", assetId, Map.of("text", text));
            events.record("asset.workflow.comment", assetId, Map.of("text", text));
        });
        tell(e);
    }

    /** Sets what people say about the asset: the AI-generated mark and risk flags (used at the next submission). */
    public Workflow setInputs(Principal who, String assetId, Boolean aiGenerated, java.util.Set<String> riskFlags) {
        return tx.inTransaction(() -> {
            Instant now = now();
            Workflow next = repo.lock(assetId, now).withInputs(aiGenerated, riskFlags, now);
            repo.save(next);
            audit.record(actor(who), "workflow.inputs", assetId, Map.of("aiGenerated", String.valueOf(aiGenerated),
                    "riskFlags", String.join(",", new java.util.TreeSet<>(riskFlags))));
            return next;
        });
    }

    /**
     * Throws unless the asset may leave the company ({@code purpose} says how, for the message): its
     * workflow is approved or published, for the version that was reviewed.
     */
    public void requireReleased(Asset asset, String purpose) {
        Workflow wf = current(asset.id());
        if (!wf.state().released()) {
            throw new NotReleasedException("asset " + asset.id() + " is " + wf.state().apiName() + ": only approved or published"
                    + " assets may be " + purpose + "; submit it for review ({\"to\":\"in_review\"}) and have it approved first");
        }
        if (wf.reviewedVersion() != null && wf.reviewedVersion() != asset.version()) {
            throw new NotReleasedException("asset " + asset.id() + " has version " + asset.version() + " but version "
                    + wf.reviewedVersion() + " was approved: the new version must be reviewed before it may be " + purpose);
        }
    }

    /** Whether the asset may leave the company now (see {@link #requireReleased}). */
    public boolean released(Asset asset) {
        Workflow wf = current(asset.id());
        return wf.state().released() && (wf.reviewedVersion() == null || wf.reviewedVersion() == asset.version());
    }

    void requireUnchangedSinceReview(Asset asset, Workflow wf, String purpose) {
        if (wf.reviewedVersion() != null && wf.reviewedVersion() != asset.version()) {
            throw new WorkflowRefusedException(WorkflowRefusedException.Reason.CONFLICT, "changed-since-review", "asset "
                    + asset.id() + " has version " + asset.version() + " but version " + wf.reviewedVersion()
                    + " was reviewed: submit it again ({\"to\":\"in_review\"}) before it is " + purpose);
        }
    }

    static void requireMove(Workflow wf, WorkflowState to) {
        if (!wf.state().mayMoveTo(to)) {
            throw refused(wf, to);
        }
    }

    static TransitionRefusedException refused(Workflow wf, WorkflowState to) {
        List<String> allowed = wf.state().next().stream().map(WorkflowState::apiName).toList();
        return new TransitionRefusedException(wf.state(), "asset " + wf.assetId() + " is " + wf.state().apiName()
                + " and cannot move to " + to.apiName() + "; from " + wf.state().apiName() + " it may move to "
                + String.join(", ", allowed));
    }

    static WorkflowRefusedException invalid(String detail) {
        return new WorkflowRefusedException(WorkflowRefusedException.Reason.INVALID, "bad-request", detail);
    }

    /** Trimmed, null when blank; longer than {@link #MAX_TEXT} is refused, never cut silently. */
    static String text(String s) {
        if (s == null || s.isBlank()) {
            return null;
        }
        if (s.length() > MAX_TEXT) {
            throw invalid("comments and reasons are at most " + MAX_TEXT + " characters");
        }
        return s.strip();
    }

    static String clip(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }

    /** How people appear in history and audit: the same "token-id (name)" form as the audit trail of routes. */
    public static String actor(Principal p) {
        return p.tokenId() + " (" + p.name() + ")";
    }

    WorkflowRepository repo() {
        return repo;
    }

    AuditService audit() {
        return audit;
    }

    Transactions transactions() {
        return tx;
    }

    void tell(WorkflowEvent e) {
        try {
            listener.on(e);
        } catch (RuntimeException ex) {
            LOG.warn("workflow listener failed on {} of {}", e.kind(), e.assetId(), ex);
        }
    }

    Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
