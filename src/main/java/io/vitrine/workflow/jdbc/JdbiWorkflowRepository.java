package io.vitrine.workflow.jdbc;

import io.vitrine.db.jdbi.Handles;
import io.vitrine.db.jdbi.Sql;
import io.vitrine.rights.Channel;
import io.vitrine.workflow.ReviewTask;
import io.vitrine.workflow.TaskState;
import io.vitrine.workflow.Workflow;
import io.vitrine.workflow.WorkflowEvent;
import io.vitrine.workflow.WorkflowRepository;
import io.vitrine.workflow.WorkflowState;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.jdbi.v3.core.Handle;

/** {@link WorkflowRepository} in SQL that runs unchanged on H2 and PostgreSQL; sets as sorted CSV, states as enum names. */
public final class JdbiWorkflowRepository implements WorkflowRepository {
    private static final int CHUNK = 500;

    private final Handles db;

    public JdbiWorkflowRepository(Handles db) {
        this.db = db;
    }

    @Override
    public Optional<Workflow> find(String assetId) {
        return db.with(h -> h.createQuery("select * from asset_workflows where asset_id = :a").bind("a", assetId)
                .map((rs, ctx) -> workflow(rs)).findOne());
    }

    @Override
    public Map<String, Workflow> find(Collection<String> assetIds) {
        List<String> all = List.copyOf(assetIds);
        Map<String, Workflow> out = new HashMap<>();
        for (int from = 0; from < all.size(); from += CHUNK) {
            List<String> chunk = all.subList(from, Math.min(all.size(), from + CHUNK));
            db.with(h -> {
                var q = h.createQuery("select * from asset_workflows where asset_id in (" + params("a", chunk.size()) + ")");
                for (int i = 0; i < chunk.size(); i++) {
                    q.bind("a" + i, chunk.get(i));
                }
                q.map((rs, ctx) -> workflow(rs)).forEach(w -> out.put(w.assetId(), w));
                return null;
            });
        }
        return out;
    }

    @Override
    public Workflow lock(String assetId, Instant now) {
        return db.with(h -> {
            Optional<Workflow> locked = selectForUpdate(h, assetId);
            if (locked.isPresent()) {
                return locked.get();
            }
            // a concurrent first transition may insert the same draft: the savepoint keeps this transaction usable
            h.savepoint("workflow_draft");
            try {
                insert(h, Workflow.draft(assetId, now));
                h.releaseSavepoint("workflow_draft");
            } catch (RuntimeException duplicate) {
                h.rollbackToSavepoint("workflow_draft");
            }
            return selectForUpdate(h, assetId).orElseThrow();
        });
    }

    private static Optional<Workflow> selectForUpdate(Handle h, String assetId) {
        return h.createQuery("select * from asset_workflows where asset_id = :a for update").bind("a", assetId)
                .map((rs, ctx) -> workflow(rs)).findOne();
    }

    private static void insert(Handle h, Workflow w) {
        h.createUpdate("""
                insert into asset_workflows (asset_id, state, tier, channel, ai_generated, risk_flags, tier_rules, round,
                    reviewed_version, submitted_by, submitted_at, updated_at)
                values (:a, :state, :tier, :channel, :ai, :flags, :rules, :round, :version, :by, :at, :updated)""")
                .bindMap(columns(w)).execute();
    }

    @Override
    public void save(Workflow w) {
        db.with(h -> h.createUpdate("""
                update asset_workflows set state = :state, tier = :tier, channel = :channel, ai_generated = :ai,
                    risk_flags = :flags, tier_rules = :rules, round = :round, reviewed_version = :version,
                    submitted_by = :by, submitted_at = :at, updated_at = :updated
                where asset_id = :a""").bindMap(columns(w)).execute());
    }

    private static Map<String, Object> columns(Workflow w) {
        Map<String, Object> m = new HashMap<>();
        m.put("a", w.assetId());
        m.put("state", w.state().name());
        m.put("tier", w.tier());
        m.put("channel", w.channel() == null ? null : w.channel().name());
        m.put("ai", w.aiGenerated());
        m.put("flags", String.join(",", new TreeSet<>(w.riskFlags())));
        m.put("rules", String.join(",", w.tierRules()));
        m.put("round", w.round());
        m.put("version", w.reviewedVersion());
        m.put("by", w.submittedBy());
        m.put("at", Sql.ts(w.submittedAt()));
        m.put("updated", Sql.ts(w.updatedAt()));
        return m;
    }

    @Override
    public void insertTask(ReviewTask t) {
        db.with(h -> h.createUpdate("""
                insert into review_tasks (id, asset_id, round, role, state, due_at, created_at, reminders)
                values (:id, :a, :round, :role, :state, :due, :created, 0)""")
                .bind("id", t.id()).bind("a", t.assetId()).bind("round", t.round()).bind("role", t.role())
                .bind("state", t.state().name()).bind("due", Sql.ts(t.dueAt())).bind("created", Sql.ts(t.createdAt())).execute());
    }

    @Override
    public List<ReviewTask> tasks(String assetId) {
        return db.with(h -> h.createQuery("select * from review_tasks where asset_id = :a order by round, created_at, id")
                .bind("a", assetId).map((rs, ctx) -> task(rs)).list());
    }

    @Override
    public boolean decide(String taskId, TaskState state, String actor, String comment, Instant now) {
        return db.with(h -> h.createUpdate("""
                update review_tasks set state = :state, decided_by = :by, decided_at = :at, comment = :comment
                where id = :id and state = 'OPEN'""")
                .bind("state", state.name()).bind("by", actor).bind("at", Sql.ts(now)).bind("comment", comment)
                .bind("id", taskId).execute()) == 1;
    }

    @Override
    public int cancelOpen(String assetId, Instant now) {
        return db.with(h -> h.createUpdate("""
                update review_tasks set state = 'CANCELLED', decided_at = :at where asset_id = :a and state = 'OPEN'""")
                .bind("at", Sql.ts(now)).bind("a", assetId).execute());
    }

    @Override
    public void append(WorkflowEvent e) {
        db.with(h -> h.createUpdate("""
                insert into workflow_events (asset_id, kind, from_state, to_state, task_id, actor, body, at)
                values (:a, :kind, :from, :to, :task, :actor, :body, :at)""")
                .bind("a", e.assetId()).bind("kind", e.kind().name()).bind("from", e.from()).bind("to", e.to())
                .bind("task", e.taskId()).bind("actor", e.actor()).bind("body", e.text()).bind("at", Sql.ts(e.at())).execute());
    }

    @Override
    public List<WorkflowEvent> events(String assetId) {
        return db.with(h -> h.createQuery("select * from workflow_events where asset_id = :a order by id").bind("a", assetId)
                .map((rs, ctx) -> new WorkflowEvent(rs.getString("asset_id"), WorkflowEvent.Kind.valueOf(rs.getString("kind")),
                        rs.getString("from_state"), rs.getString("to_state"), rs.getString("task_id"), rs.getString("actor"),
                        rs.getString("body"), Sql.instant(rs, "at"))).list());
    }

    @Override
    public List<Queued> queue(Set<String> roles, Set<String> visibleRegions, Instant afterDue, String afterId, int limit) {
        return new TaskQueueQuery(db).run(roles, visibleRegions, afterDue, afterId, limit);
    }

    @Override
    public List<ReviewTask> dueForReminder(Instant now, Instant remindedBefore) {
        return db.with(h -> h.createQuery("""
                select t.* from review_tasks t join assets a on a.id = t.asset_id
                where t.state = 'OPEN' and a.deleted_at is null and t.due_at < :now
                  and (t.reminded_at is null or t.reminded_at <= :before)
                order by t.due_at, t.id""")
                .bind("now", Sql.ts(now)).bind("before", Sql.ts(remindedBefore)).map((rs, ctx) -> task(rs)).list());
    }

    @Override
    public boolean markReminded(String taskId, Instant previous, Instant now) {
        String same = previous == null ? "reminded_at is null" : "reminded_at = :prev";
        return db.with(h -> {
            var u = h.createUpdate("update review_tasks set reminders = reminders + 1, reminded_at = :now"
                    + " where id = :id and state = 'OPEN' and " + same).bind("now", Sql.ts(now)).bind("id", taskId);
            if (previous != null) {
                u.bind("prev", Sql.ts(previous));
            }
            return u.execute();
        }) == 1;
    }

    static ReviewTask task(ResultSet rs) throws SQLException {
        return new ReviewTask(rs.getString("id"), rs.getString("asset_id"), rs.getInt("round"), rs.getString("role"),
                TaskState.valueOf(rs.getString("state")), Sql.instant(rs, "due_at"), Sql.instant(rs, "created_at"),
                rs.getString("decided_by"), Sql.instant(rs, "decided_at"), rs.getString("comment"), rs.getInt("reminders"),
                Sql.instant(rs, "reminded_at"));
    }

    private static Workflow workflow(ResultSet rs) throws SQLException {
        String channel = rs.getString("channel");
        boolean ai = rs.getBoolean("ai_generated");
        Boolean aiGenerated = rs.wasNull() ? null : ai;
        return new Workflow(rs.getString("asset_id"), WorkflowState.valueOf(rs.getString("state")), Sql.integer(rs, "tier"),
                channel == null ? null : Channel.valueOf(channel), aiGenerated, Set.copyOf(split(rs.getString("risk_flags"))),
                split(rs.getString("tier_rules")), rs.getInt("round"), Sql.integer(rs, "reviewed_version"),
                rs.getString("submitted_by"), Sql.instant(rs, "submitted_at"), Sql.instant(rs, "updated_at"));
    }

    private static List<String> split(String csv) {
        return csv == null || csv.isEmpty() ? List.of() : Arrays.asList(csv.split(","));
    }

    static String params(String prefix, int n) {
        List<String> p = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            p.add(":" + prefix + i);
        }
        return String.join(", ", p);
    }
}
