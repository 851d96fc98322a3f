package io.vitrine.workflow;

/**
 * The caller may not do this in the review: {@link Reason#FORBIDDEN} (no task of hers, her own
 * submission, a second approval in one round) or {@link Reason#INVALID} (a bad request) or {@link
 * Reason#CONFLICT} (the asset is not in a condition for it: still processing, changed since approval).
 */
public final class WorkflowRefusedException extends RuntimeException {
    public enum Reason { INVALID, FORBIDDEN, CONFLICT }

    private final Reason reason;
    private final String slug;

    public WorkflowRefusedException(Reason reason, String slug, String detail) {
        super(detail);
        this.reason = reason;
        this.slug = slug;
    }

    public Reason reason() {
        return reason;
    }

    public String slug() {
        return slug;
    }
}
