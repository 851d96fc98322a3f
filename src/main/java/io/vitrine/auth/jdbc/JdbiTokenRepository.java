package io.vitrine.auth.jdbc;

import io.vitrine.auth.ApiToken;
import io.vitrine.auth.TokenRepository;
import io.vitrine.db.jdbi.Handles;
import io.vitrine.db.jdbi.Sql;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** Tokens in {@code api_tokens}; roles and regions as comma-separated lists. */
public final class JdbiTokenRepository implements TokenRepository {
    private final Handles db;

    public JdbiTokenRepository(Handles db) {
        this.db = db;
    }

    @Override
    public Optional<ApiToken> findByHash(String tokenHash) {
        return db.with(h -> h.createQuery("select * from api_tokens where token_hash = :h").bind("h", tokenHash)
                .map((rs, ctx) -> map(rs)).findOne());
    }

    @Override
    public Optional<ApiToken> findById(String id) {
        return db.with(h -> h.createQuery("select * from api_tokens where id = :id").bind("id", id)
                .map((rs, ctx) -> map(rs)).findOne());
    }

    @Override
    public void save(ApiToken t) {
        db.inTransaction(() -> db.with(h -> {
            h.createUpdate("delete from api_tokens where id = :id").bind("id", t.id()).execute();
            return h.createUpdate("""
                    insert into api_tokens (id, name, token_hash, roles, regions, created_at, expires_at, revoked_at)
                    values (:id, :name, :hash, :roles, :regions, :created, :expires, :revoked)""")
                    .bind("id", t.id()).bind("name", t.name()).bind("hash", t.tokenHash())
                    .bind("roles", String.join(",", t.roles())).bind("regions", String.join(",", t.regions()))
                    .bind("created", Sql.ts(t.createdAt())).bind("expires", Sql.ts(t.expiresAt()))
                    .bind("revoked", Sql.ts(t.revokedAt())).execute();
        }));
    }

    @Override
    public boolean anyActiveWithRole(String role, Instant now) {
        return db.with(h -> h.createQuery("select * from api_tokens where revoked_at is null")
                .map((rs, ctx) -> map(rs)).list())
                .stream().anyMatch(t -> t.activeAt(now) && t.roles().contains(role));
    }

    private static ApiToken map(ResultSet rs) throws SQLException {
        return new ApiToken(rs.getString("id"), rs.getString("name"), rs.getString("token_hash"),
                split(rs.getString("roles")), split(rs.getString("regions")), Sql.instant(rs, "created_at"),
                Sql.instant(rs, "expires_at"), Sql.instant(rs, "revoked_at"));
    }

    static Set<String> split(String s) {
        return s == null || s.isBlank() ? Set.of()
                : Arrays.stream(s.split(",")).map(String::strip).filter(x -> !x.isEmpty()).collect(Collectors.toUnmodifiableSet());
    }
}
