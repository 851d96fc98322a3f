package io.vitrine.web.jdbc;

import io.vitrine.db.jdbi.Handles;
import io.vitrine.db.jdbi.Sql;
import io.vitrine.web.SessionStore;
import io.vitrine.web.WebSession;
import java.time.Instant;
import java.util.Optional;

/** Sessions in {@code web_sessions} (migration V4). */
public final class JdbiSessionStore implements SessionStore {
    private final Handles db;

    public JdbiSessionStore(Handles db) {
        this.db = db;
    }

    @Override
    public void save(WebSession s) {
        db.with(h -> h.createUpdate("""
                insert into web_sessions (id_hash, token_id, csrf, created_at, expires_at, id_token)
                values (:id, :token, :csrf, :created, :expires, :idToken)""")
                .bind("id", s.idHash()).bind("token", s.tokenId()).bind("csrf", s.csrf()).bind("idToken", s.idToken())
                .bind("created", Sql.ts(s.createdAt())).bind("expires", Sql.ts(s.expiresAt())).execute());
    }

    @Override
    public Optional<WebSession> find(String idHash) {
        return db.with(h -> h.createQuery("select * from web_sessions where id_hash = :id").bind("id", idHash)
                .map((rs, ctx) -> new WebSession(rs.getString("id_hash"), rs.getString("token_id"), rs.getString("csrf"),
                        Sql.instant(rs, "created_at"), Sql.instant(rs, "expires_at"), rs.getString("id_token")))
                .findOne());
    }

    @Override
    public void delete(String idHash) {
        db.with(h -> h.createUpdate("delete from web_sessions where id_hash = :id").bind("id", idHash).execute());
    }

    @Override
    public void deleteExpired(Instant now) {
        db.with(h -> h.createUpdate("delete from web_sessions where expires_at < :now").bind("now", Sql.ts(now)).execute());
    }
}
