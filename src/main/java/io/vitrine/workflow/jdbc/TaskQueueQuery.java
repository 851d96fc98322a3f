package io.vitrine.workflow.jdbc;

import io.vitrine.db.jdbi.Handles;
import io.vitrine.db.jdbi.Sql;
import io.vitrine.workflow.WorkflowRepository.Queued;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/** The review-queue query: open tasks by role, on live assets visible in the caller's regions, keyset-paged. */
final class TaskQueueQuery {
    private final Handles db;

    TaskQueueQuery(Handles db) {
        this.db = db;
    }

    List<Queued> run(Set<String> roles, Set<String> visibleRegions, Instant afterDue, String afterId, int limit) {
        if (roles != null && roles.isEmpty()) {
            return List.of();
        }
        List<String> r = roles == null ? null : List.copyOf(roles);
        List<String> g = visibleRegions == null ? null : List.copyOf(visibleRegions);
        StringBuilder sql = new StringBuilder("""
                select t.*, a.filename, a.media_type, w.tier, w.channel
                from review_tasks t join assets a on a.id = t.asset_id join asset_workflows w on w.asset_id = t.asset_id
                where t.state = 'OPEN' and a.deleted_at is null""");
        if (r != null) {
            sql.append(" and t.role in (").append(JdbiWorkflowRepository.params("role", r.size())).append(')');
        }
        if (g != null) {
            // regions are stored as "DE,FR"; wrapping in commas makes each code match only as a whole
            sql.append(" and (a.regions = ''");
            for (int i = 0; i < g.size(); i++) {
                sql.append(" or concat(',', a.regions, ',') like :g").append(i);
            }
            sql.append(')');
        }
        if (afterDue != null) {
            sql.append(" and (t.due_at > :due or (t.due_at = :due and t.id > :id))");
        }
        sql.append(" order by t.due_at, t.id limit :n");
        return db.with(h -> {
            var q = h.createQuery(sql.toString()).bind("n", limit);
            for (int i = 0; r != null && i < r.size(); i++) {
                q.bind("role" + i, r.get(i));
            }
            for (int i = 0; g != null && i < g.size(); i++) {
                q.bind("g" + i, "%," + g.get(i) + ",%");
            }
            if (afterDue != null) {
                q.bind("due", Sql.ts(afterDue)).bind("id", afterId);
            }
            return q.map((rs, ctx) -> new Queued(JdbiWorkflowRepository.task(rs), rs.getString("filename"),
                    rs.getString("media_type"), Sql.integer(rs, "tier"), channel(rs.getString("channel")))).list();
        });
    }

    private static String channel(String name) {
        return name == null ? null : io.vitrine.rights.Channel.valueOf(name).apiName();
    }
}
