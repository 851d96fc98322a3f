package io.vitrine.auth.jdbc;

import io.vitrine.auth.ApiToken;
import io.vitrine.auth.User;
import io.vitrine.auth.UserRepository;
import io.vitrine.db.jdbi.Handles;
import io.vitrine.db.jdbi.Sql;
import java.util.Optional;
import java.util.TreeSet;

/** Users in {@code users}; the first token goes through {@link JdbiTokenRepository} in the same transaction. */
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
            db.with(h -> h.createUpdate("""
                    insert into users (id, name, roles, regions, created_at) values (:id, :name, :roles, :regions, :created)""")
                    .bind("id", u.id()).bind("name", u.name()).bind("roles", csv(u.roles()))
                    .bind("regions", csv(u.regions())).bind("created", Sql.ts(u.createdAt())).execute());
            tokens.save(firstToken);
            db.with(h -> h.createUpdate("update api_tokens set user_id = :u where id = :t")
                    .bind("u", u.id()).bind("t", firstToken.id()).execute());
        });
    }

    @Override
    public Optional<User> find(String id) {
        return db.with(h -> h.createQuery("select * from users where id = :id").bind("id", id)
                .map((rs, ctx) -> new User(rs.getString("id"), rs.getString("name"),
                        JdbiTokenRepository.split(rs.getString("roles")), JdbiTokenRepository.split(rs.getString("regions")),
                        Sql.instant(rs, "created_at")))
                .findOne());
    }

    static String csv(java.util.Set<String> values) {
        return String.join(",", new TreeSet<>(values));
    }
}
