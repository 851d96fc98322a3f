package io.vitrine.pipeline.jdbc;

import io.vitrine.db.jdbi.Handles;
import io.vitrine.pipeline.Job;
import io.vitrine.pipeline.JobQueue;
import io.vitrine.pipeline.Step;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static io.vitrine.db.jdbi.Sql.ts;

/**
 * Jobs in the {@code jobs} table. Claiming is an optimistic conditional update, which needs no
 * row-locking dialect and so behaves the same on H2 and PostgreSQL.
 */
public final class JdbiJobQueue implements JobQueue {
    private static final String DUE =
            "((state = 'queued' and run_at <= :now) or (state = 'running' and lease_until < :now))";

    /** The caller still holds the lease: nobody took the job over since it claimed it. */
    private static final String HELD = "state = 'running' and worker = :worker";

    private final Handles db;
    private final Runnable onEnqueue;

    /** {@code onEnqueue} lets local workers wake at once instead of at their next poll. */
    public JdbiJobQueue(Handles db, Runnable onEnqueue) {
        this.db = db;
        this.onEnqueue = onEnqueue;
    }

    @Override
    public void enqueue(String assetId, Step step, Instant runAt) {
        db.with(h -> h.createUpdate("""
                insert into jobs (asset_id, step, state, attempts, run_at, created_at, updated_at)
                values (:asset, :step, 'queued', 0, :runAt, :now, :now)""")
                .bind("asset", assetId).bind("step", step.key()).bind("runAt", ts(runAt))
                .bind("now", ts(Instant.now())).execute());
        onEnqueue.run();
    }

    @Override
    public Optional<Job> claim(String worker, Instant now, Duration lease) {
        List<Long> candidates = db.with(h -> h.createQuery(
                        "select id from jobs where " + DUE + " order by run_at, id limit 16")
                .bind("now", ts(now)).mapTo(Long.class).list());
        for (long id : candidates) {
            int won = db.with(h -> h.createUpdate("update jobs set state = 'running', worker = :worker, "
                            + "lease_until = :lease, attempts = attempts + 1, updated_at = :now where id = :id and " + DUE)
                    .bind("worker", worker).bind("lease", ts(now.plus(lease))).bind("now", ts(now)).bind("id", id)
                    .execute());
            if (won == 1) {
                return db.with(h -> h.createQuery("select * from jobs where id = :id").bind("id", id)
                        .map((rs, ctx) -> new Job(rs.getLong("id"), rs.getString("asset_id"),
                                Step.parse(rs.getString("step")), rs.getInt("attempts"), rs.getString("worker")))
                        .findOne());
            }
        }
        return Optional.empty();
    }

    @Override
    public boolean complete(Job job) {
        return db.with(h -> h.createUpdate("delete from jobs where id = :id and " + HELD)
                .bind("id", job.id()).bind("worker", job.worker()).execute()) == 1;
    }

    @Override
    public boolean retry(Job job, Instant runAt, String error) {
        return db.with(h -> h.createUpdate("update jobs set state = 'queued', run_at = :runAt, lease_until = null, "
                        + "last_error = :error, updated_at = :now where id = :id and " + HELD)
                .bind("runAt", ts(runAt)).bind("error", truncate(error)).bind("now", ts(Instant.now()))
                .bind("id", job.id()).bind("worker", job.worker()).execute()) == 1;
    }

    @Override
    public boolean fail(Job job, String error) {
        return db.with(h -> h.createUpdate("update jobs set state = 'failed', lease_until = null, last_error = :error, "
                        + "updated_at = :now where id = :id and " + HELD)
                .bind("error", truncate(error)).bind("now", ts(Instant.now())).bind("id", job.id())
                .bind("worker", job.worker()).execute()) == 1;
    }

    @Override
    public long pending() {
        return db.with(h -> h.createQuery("select count(*) from jobs where state in ('queued', 'running')")
                .mapTo(Long.class).one());
    }

    @Override
    public long due(Instant now) {
        return db.with(h -> h.createQuery("select count(*) from jobs where " + DUE + " or state = 'running'")
                .bind("now", ts(now)).mapTo(Long.class).one());
    }

    private static String truncate(String s) {
        return s == null || s.length() <= 4000 ? s : s.substring(0, 3990) + "…";
    }
}
