package io.vitrine.audit.jdbc;

import io.vitrine.audit.AuditEvent;
import io.vitrine.audit.AuditLog;
import io.vitrine.db.jdbi.Handles;
import io.vitrine.db.jdbi.Sql;
import java.util.List;

/** {@link AuditLog} in SQL: the head is one row locked with {@code select … for update} (H2 and PostgreSQL). */
public final class JdbiAuditLog implements AuditLog {
    private final Handles db;

    public JdbiAuditLog(Handles db) {
        this.db = db;
    }

    @Override
    public Head lockHead() {
        return db.with(h -> h.createQuery("select seq, hash from audit_head where id = 1 for update")
                .map((rs, ctx) -> new Head(rs.getLong("seq"), rs.getString("hash"))).one());
    }

    @Override
    public Head head() {
        return db.with(h -> h.createQuery("select seq, hash from audit_head where id = 1")
                .map((rs, ctx) -> new Head(rs.getLong("seq"), rs.getString("hash"))).one());
    }

    @Override
    public void append(AuditEvent e) {
        db.with(h -> {
            h.createUpdate("""
                    insert into audit_events (seq, at, actor, action, target, details, prev_hash, hash)
                    values (:seq, :at, :actor, :action, :target, :details, :prev, :hash)""")
                    .bind("seq", e.seq()).bind("at", Sql.ts(e.at())).bind("actor", e.actor()).bind("action", e.action())
                    .bind("target", e.target()).bind("details", e.details()).bind("prev", e.prevHash())
                    .bind("hash", e.hash()).execute();
            return h.createUpdate("update audit_head set seq = :seq, hash = :hash where id = 1")
                    .bind("seq", e.seq()).bind("hash", e.hash()).execute();
        });
    }

    @Override
    public List<AuditEvent> page(long afterSeq, int limit) {
        return db.with(h -> h.createQuery("select * from audit_events where seq > :after order by seq limit :n")
                .bind("after", afterSeq).bind("n", limit)
                .map((rs, ctx) -> new AuditEvent(rs.getLong("seq"), Sql.instant(rs, "at"), rs.getString("actor"),
                        rs.getString("action"), rs.getString("target"), rs.getString("details"),
                        rs.getString("prev_hash"), rs.getString("hash")))
                .list());
    }
}
