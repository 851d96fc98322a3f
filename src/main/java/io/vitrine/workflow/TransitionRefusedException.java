package io.vitrine.workflow;

import java.util.List;

/** A move the state machine does not allow from the asset's current state (or a lost race to make it). */
public final class TransitionRefusedException extends RuntimeException {
    private final WorkflowState current;

    public TransitionRefusedException(WorkflowState current, String detail) {
        super(detail);
        this.current = current;
    }

    public WorkflowState current() {
        return current;
    }

    public List<WorkflowState> allowed() {
        return current.next();
    }
}
