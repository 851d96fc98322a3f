package io.vitrine.web.jdbc;

import io.vitrine.auth.IdentityProvider;
import io.vitrine.db.jdbi.Handles;
import io.vitrine.db.jdbi.Sql;
import io.vitrine.web.PendingSignInStore;
import java.time.Instant;
import java.util.Optional;

/** Pending sign-ins in {@code oidc_pending} (migration V13); the row count of the delete makes {@link #take} single-use. */
public final class JdbiPendingSignInStore implements PendingSignInStore {
    private final Handles db;

    public JdbiPendingSignInStore(Handles db) {
        this.db = db;
    }

    @Override
    public void save(String idHash, IdentityProvider.Pending p, Instant now, Instant expiresAt) {
        db.with(h -> h.createUpdate("delete from oidc_pending where expires_at < :now").bind("now", Sql.ts(now)).execute());
        db.with(h -> h.createUpdate("""
                insert into oidc_pending (id_hash, state, nonce, verifier, expires_at) values (:id, :state, :nonce, :verifier, :expires)""")
                .bind("id", idHash).bind("state", p.state()).bind("nonce", p.nonce()).bind("verifier", p.verifier())
                .bind("expires", Sql.ts(expiresAt)).execute());
    }

    @Override
    public Optional<IdentityProvider.Pending> take(String idHash, Instant now) {
        return db.inTransaction(() -> {
            Optional<Row> row = db.with(h -> h.createQuery("select * from oidc_pending where id_hash = :id").bind("id", idHash)
                    .map((rs, ctx) -> new Row(new IdentityProvider.Pending(rs.getString("state"), rs.getString("nonce"),
                            rs.getString("verifier")), Sql.instant(rs, "expires_at")))
                    .findOne());
            int deleted = db.with(h -> h.createUpdate("delete from oidc_pending where id_hash = :id").bind("id", idHash).execute());
            return row.filter(r -> deleted == 1 && r.expiresAt().isAfter(now)).map(Row::pending);
        });
    }

    private record Row(IdentityProvider.Pending pending, Instant expiresAt) {}
}
