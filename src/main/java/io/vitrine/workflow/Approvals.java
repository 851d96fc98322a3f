package io.vitrine.workflow;

/** The approval workflow's services, passed as one to the HTTP API and the composition root. */
public record Approvals(WorkflowService workflow, ReviewQueue queue, Reminders reminders) {}
