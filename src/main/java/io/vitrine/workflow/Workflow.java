package io.vitrine.workflow;

import io.vitrine.rights.Channel;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * An asset's workflow record. {@code aiGenerated} is what a person said (null: nothing); {@code
 * riskFlags} are the review risks people raised. {@code tier}, {@code channel}, {@code tierRules}
 * and {@code reviewedVersion} are fixed at submission, so a decision always refers to what was
 * submitted; {@code round} counts submissions.
 */
public record Workflow(String assetId, WorkflowState state, Integer tier, Channel channel, Boolean aiGenerated,
        Set<String> riskFlags, List<String> tierRules, int round, Integer reviewedVersion, String submittedBy,
        Instant submittedAt, Instant updatedAt) {

    public Workflow {
        riskFlags = riskFlags == null ? Set.of() : Set.copyOf(riskFlags);
        tierRules = tierRules == null ? List.of() : List.copyOf(tierRules);
    }

    /** Every asset starts here, including those that existed before workflows did. */
    public static Workflow draft(String assetId, Instant now) {
        return new Workflow(assetId, WorkflowState.DRAFT, null, null, null, Set.of(), List.of(), 0, null, null, null, now);
    }

    public Workflow moved(WorkflowState to, Instant now) {
        return new Workflow(assetId, to, tier, channel, aiGenerated, riskFlags, tierRules, round, reviewedVersion,
                submittedBy, submittedAt, now);
    }

    Workflow submitted(Tiering.Decision d, Channel ch, int version, String actor, Instant now) {
        return new Workflow(assetId, WorkflowState.IN_REVIEW, d.tier(), ch, aiGenerated, riskFlags, d.rules(), round + 1,
                version, actor, now, now);
    }

    Workflow withInputs(Boolean ai, Set<String> flags, Instant now) {
        return new Workflow(assetId, state, tier, channel, ai, flags, tierRules, round, reviewedVersion, submittedBy,
                submittedAt, now);
    }
}
