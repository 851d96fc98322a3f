package io.vitrine.workflow;

/**
 * Hears every transition, decision, comment and reminder after it is committed: the hook for
 * outgoing webhooks and e-mail. A listener that throws is logged and does not undo anything.
 */
@FunctionalInterface
public interface WorkflowListener {
    WorkflowListener NONE = e -> {};

    void on(WorkflowEvent event);
}
