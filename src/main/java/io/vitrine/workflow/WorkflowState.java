package io.vitrine.workflow;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Where an asset is in its approval life, and the only moves out of each state. {@code approved}
 * and {@code rejected} are reached through review-task decisions; {@code approved} and {@code
 * published} are the released states: only they may leave the company.
 */
public enum WorkflowState {
    DRAFT, IN_REVIEW, APPROVED, REJECTED, PUBLISHED, ARCHIVED;

    public String apiName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<WorkflowState> byApiName(String name) {
        return Arrays.stream(values()).filter(s -> s.apiName().equals(name)).findFirst();
    }

    /** The states this one may move to, in the order the API lists them. */
    public List<WorkflowState> next() {
        return switch (this) {
            case DRAFT -> List.of(IN_REVIEW, ARCHIVED);
            case IN_REVIEW -> List.of(APPROVED, REJECTED);
            case REJECTED -> List.of(IN_REVIEW, ARCHIVED);
            case APPROVED -> List.of(PUBLISHED, ARCHIVED, IN_REVIEW);
            case PUBLISHED -> List.of(ARCHIVED, IN_REVIEW);
            case ARCHIVED -> List.of(IN_REVIEW);
        };
    }

    public boolean mayMoveTo(WorkflowState to) {
        return next().contains(to);
    }

    private static final Set<WorkflowState> RELEASED = EnumSet.of(APPROVED, PUBLISHED);

    /** Approved or published: may be shared outside the company. */
    public boolean released() {
        return RELEASED.contains(this);
    }
}
