package io.vitrine.pipeline;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Durable background jobs.
 *
 * <p>Contract: an enqueued job survives restarts. {@link #claim} hands a due job to exactly one
 * worker, leased until {@code now + lease}; a job whose lease ran out (its worker died) is due again.
 * {@link #complete} removes it, {@link #retry} makes it due again at {@code runAt}, {@link #fail}
 * parks it with its error for operators; each of the three acts only while the job's worker still
 * holds the lease, and answers false otherwise (the job was taken over and is another worker's now). Enqueue joins the caller's transaction when one is open.
 * Safe for many workers in many processes sharing the database.
 */
public interface JobQueue {

    void enqueue(String assetId, Step step, Instant runAt);

    Optional<Job> claim(String worker, Instant now, Duration lease);

    boolean complete(Job job);

    boolean retry(Job job, Instant runAt, String error);

    boolean fail(Job job, String error);

    /** Jobs queued or running, due or not. */
    long pending();

    /** Jobs queued or running that are due by {@code now}. */
    long due(Instant now);
}
