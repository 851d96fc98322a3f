package io.vitrine.workflow;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Workflow records, review tasks and history in the database.
 *
 * <p>Contract: methods join the caller's transaction when one is open. An asset without a record is
 * a draft ({@link #find} is then empty). {@link #lock} creates the draft record if missing and
 * holds it until the transaction ends, so two transitions of one asset never interleave (on every
 * node). {@link #decide} and {@link #markReminded} change a task only from the state the caller
 * saw, and answer whether they did. Deleted assets' tasks are never queued; events come back in
 * the order they were appended. Behaviour is identical on every supported database.
 */
public interface WorkflowRepository {

    Optional<Workflow> find(String assetId);

    /** Records of the given assets that have one (absent ids are drafts). */
    Map<String, Workflow> find(Collection<String> assetIds);

    /** Must run inside a transaction: the record, created as a draft at {@code now} if missing, locked. */
    Workflow lock(String assetId, Instant now);

    void save(Workflow workflow);

    void insertTask(ReviewTask task);

    List<ReviewTask> tasks(String assetId);

    /** From OPEN to {@code state}; false when the task was no longer open. */
    boolean decide(String taskId, TaskState state, String actor, String comment, Instant now);

    /** Cancels the asset's still-open tasks; returns how many. */
    int cancelOpen(String assetId, Instant now);

    void append(WorkflowEvent event);

    List<WorkflowEvent> events(String assetId);

    /** A queued task with what the queue shows of its asset. */
    record Queued(ReviewTask task, String filename, String mediaType, Integer tier, String channel) {}

    /**
     * Open tasks on live assets, for {@code roles} (null: all) on assets visible in {@code
     * visibleRegions} (null: all), earliest due first, after the (dueAt, id) key {@code after}.
     */
    List<Queued> queue(Set<String> roles, Set<String> visibleRegions, Instant afterDue, String afterId, int limit);

    /** Open tasks on live assets due before {@code now}, whose last reminder (if any) is before {@code remindedBefore}. */
    List<ReviewTask> dueForReminder(Instant now, Instant remindedBefore);

    /** Counts a reminder if the task is still open and its last reminder is still {@code previous}. */
    boolean markReminded(String taskId, Instant previous, Instant now);
}
