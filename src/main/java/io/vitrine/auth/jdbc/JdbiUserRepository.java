package io.vitrine.auth.jdbc;

import io.vitrine.auth.ApiToken;
import io.vitrine.auth.User;
import io.vitrine.auth.UserRepository;
import io.vitrine.db.jdbi.Handles;
import io.vitrine.db.jdbi.Sql;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/** Users in {@code users}, identities in {@code oidc_identities}; tokens through {@link JdbiTokenRepository} in the same transaction. */
public final class JdbiUserRepository implements UserRepository {
    private final Handles db;
    private final JdbiTokenRepository tokens;

    public JdbiUserRepository(Handles db) {
        this.db = db;
        this.tokens = new JdbiTokenRepository(db);
    }

    @Override
    public void insert(User u, ApiToken firstToken) {
        db.run(() -> {
            insertUser(u);
            addToken(u.id(), firstToken);
        });
    }

    private void insertUser(User u) {
        db.with(h -> h.createUpdate("""
                insert into users (id, name, roles, regions, created_at) values (:id, :name, :roles, :regions, :created)""")
                .bind("id", u.id()).bind("name", u.name()).bind("roles", csv(u.roles()))
                .bind("regions", csv(u.regions())).bind("created", Sql.ts(u.createdAt())).execute());
    }

    @Override
    public void addToken(String userId, ApiToken token) {
        db.run(() -> {
            tokens.save(token);
            db.with(h -> h.createUpdate("update api_tokens set user_id = :u where id = :t")
                    .bind("u", userId).bind("t", token.id()).execute());
        });
    }

    @Override
    public Optional<User> find(String id) {
        return db.with(h -> h.createQuery("select * from users where id = :id").bind("id", id)
                .map((rs, ctx) -> map(rs)).findOne());
    }

    @Override
    public List<User> list() {
        return db.with(h -> h.createQuery("select * from users order by created_at, id").map((rs, ctx) -> map(rs)).list());
    }

    @Override
    public List<ApiToken> tokens(String userId) {
        return db.with(h -> h.createQuery("select id from api_tokens where user_id = :u order by created_at desc, id desc")
                .bind("u", userId).mapTo(String.class).list())
                .stream().flatMap(id -> tokens.findById(id).stream()).toList();
    }

    @Override
    public void revoke(String userId, Instant at) {
        db.run(() -> {
            db.with(h -> h.createUpdate("update users set revoked_at = :at where id = :id and revoked_at is null")
                    .bind("at", Sql.ts(at)).bind("id", userId).execute());
            db.with(h -> h.createUpdate("update api_tokens set revoked_at = :at where user_id = :id and revoked_at is null")
                    .bind("at", Sql.ts(at)).bind("id", userId).execute());
        });
    }

    @Override
    public List<LinkedIdentity> identities(String userId) {
        return db.with(h -> h.createQuery("select * from oidc_identities where user_id = :u order by created_at, issuer, subject")
                .bind("u", userId).map((rs, ctx) -> new LinkedIdentity(rs.getString("issuer"), rs.getString("subject"),
                        Sql.instant(rs, "created_at"), Sql.instant(rs, "last_login_at")))
                .list());
    }

    @Override
    public Optional<User> findByIdentity(String issuer, String subject) {
        return db.with(h -> h.createQuery("""
                select u.* from users u join oidc_identities i on i.user_id = u.id
                where i.issuer = :iss and i.subject = :sub""")
                .bind("iss", issuer).bind("sub", subject).map((rs, ctx) -> map(rs)).findOne());
    }

    @Override
    public void insertLinked(User u, String issuer, String subject, Instant at) {
        db.run(() -> {
            insertUser(u);
            db.with(h -> h.createUpdate("""
                    insert into oidc_identities (issuer, subject, user_id, created_at, last_login_at)
                    values (:iss, :sub, :u, :at, :at)""")
                    .bind("iss", issuer).bind("sub", subject).bind("u", u.id()).bind("at", Sql.ts(at)).execute());
        });
    }

    @Override
    public void updateLinked(User u, String issuer, String subject, Instant at) {
        db.run(() -> {
            db.with(h -> h.createUpdate("update users set name = :name, roles = :roles, regions = :regions where id = :id")
                    .bind("name", u.name()).bind("roles", csv(u.roles())).bind("regions", csv(u.regions()))
                    .bind("id", u.id()).execute());
            db.with(h -> h.createUpdate("update oidc_identities set last_login_at = :at where issuer = :iss and subject = :sub")
                    .bind("at", Sql.ts(at)).bind("iss", issuer).bind("sub", subject).execute());
        });
    }

    private static User map(ResultSet rs) throws SQLException {
        return new User(rs.getString("id"), rs.getString("name"), JdbiTokenRepository.split(rs.getString("roles")),
                JdbiTokenRepository.split(rs.getString("regions")), Sql.instant(rs, "created_at"), Sql.instant(rs, "revoked_at"));
    }

    static String csv(java.util.Set<String> values) {
        return String.join(",", new TreeSet<>(values));
    }
}
