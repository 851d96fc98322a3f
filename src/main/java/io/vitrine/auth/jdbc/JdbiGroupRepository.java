package io.vitrine.auth.jdbc;

import io.vitrine.auth.Grant;
import io.vitrine.auth.Group;
import io.vitrine.auth.GroupRepository;
import io.vitrine.db.jdbi.Handles;
import io.vitrine.db.jdbi.Sql;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

/** Groups in {@code user_groups}, memberships in {@code user_group_members} (V19); sets as comma-separated lists. */
public final class JdbiGroupRepository implements GroupRepository {
    private final Handles db;

    public JdbiGroupRepository(Handles db) {
        this.db = db;
    }

    @Override
    public void insert(Group g) {
        uniqueName(g.name(), () -> db.with(h -> h.createUpdate("""
                insert into user_groups (id, name, description, roles, regions, collections, created_at, updated_at)
                values (:id, :name, :description, :roles, :regions, :collections, :created, :updated)""")
                .bind("id", g.id()).bind("name", g.name()).bind("description", g.description())
                .bind("roles", JdbiUserRepository.csv(g.roles())).bind("regions", JdbiUserRepository.csv(g.regions()))
                .bind("collections", nullableCsv(g.collections())).bind("created", Sql.ts(g.createdAt()))
                .bind("updated", Sql.ts(g.updatedAt())).execute()));
    }

    @Override
    public Optional<Group> find(String id) {
        return db.with(h -> h.createQuery("select * from user_groups where id = :id").bind("id", id).map((rs, c) -> map(rs)).findOne());
    }

    @Override
    public List<Group> list() {
        return db.with(h -> h.createQuery("select * from user_groups order by name, id").map((rs, c) -> map(rs)).list());
    }

    @Override
    public void update(Group g) {
        uniqueName(g.name(), () -> db.with(h -> h.createUpdate("""
                update user_groups set name = :name, description = :description, roles = :roles, regions = :regions,
                collections = :collections, updated_at = :updated where id = :id""")
                .bind("id", g.id()).bind("name", g.name()).bind("description", g.description())
                .bind("roles", JdbiUserRepository.csv(g.roles())).bind("regions", JdbiUserRepository.csv(g.regions()))
                .bind("collections", nullableCsv(g.collections())).bind("updated", Sql.ts(g.updatedAt())).execute()));
    }

    @Override
    public boolean delete(String id) {
        return db.inTransaction(() -> {
            db.with(h -> h.createUpdate("delete from user_group_members where group_id = :id").bind("id", id).execute());
            return db.with(h -> h.createUpdate("delete from user_groups where id = :id").bind("id", id).execute()) > 0;
        });
    }

    @Override
    public void addMember(String groupId, String userId, Source source, Instant at) {
        db.run(() -> {
            int changed = db.with(h -> h.createUpdate("update user_group_members set source = :s where group_id = :g and user_id = :u"
                    + (source == Source.OIDC ? " and source = 'oidc'" : ""))
                    .bind("s", name(source)).bind("g", groupId).bind("u", userId).execute());
            boolean present = changed > 0 || db.with(h -> h.createQuery(
                    "select count(*) from user_group_members where group_id = :g and user_id = :u")
                    .bind("g", groupId).bind("u", userId).mapTo(Integer.class).one()) > 0;
            if (!present) {
                db.with(h -> h.createUpdate("""
                        insert into user_group_members (group_id, user_id, source, added_at) values (:g, :u, :s, :at)""")
                        .bind("g", groupId).bind("u", userId).bind("s", name(source)).bind("at", Sql.ts(at)).execute());
            }
        });
    }

    @Override
    public boolean removeMember(String groupId, String userId) {
        return db.with(h -> h.createUpdate("delete from user_group_members where group_id = :g and user_id = :u")
                .bind("g", groupId).bind("u", userId).execute()) > 0;
    }

    @Override
    public List<Membership> members(String groupId) {
        return db.with(h -> h.createQuery("""
                select m.user_id, u.name, m.source, m.added_at from user_group_members m join users u on u.id = m.user_id
                where m.group_id = :g order by m.added_at, m.user_id""")
                .bind("g", groupId).map((rs, c) -> new Membership(rs.getString("user_id"), rs.getString("name"),
                        Source.valueOf(rs.getString("source").toUpperCase(Locale.ROOT)), Sql.instant(rs, "added_at")))
                .list());
    }

    @Override
    public List<Group> groupsOf(String userId) {
        return db.with(h -> h.createQuery("""
                select g.* from user_groups g join user_group_members m on m.group_id = g.id
                where m.user_id = :u order by g.name, g.id""").bind("u", userId).map((rs, c) -> map(rs)).list());
    }

    @Override
    public void syncProviderGroups(String userId, Set<String> namesOrIds, Instant at) {
        db.run(() -> {
            List<String> wanted = list().stream().filter(g -> namesOrIds.contains(g.name()) || namesOrIds.contains(g.id()))
                    .map(Group::id).toList();
            db.with(h -> h.createUpdate("delete from user_group_members where user_id = :u and source = 'oidc'")
                    .bind("u", userId).execute());
            wanted.forEach(g -> addMember(g, userId, Source.OIDC, at));
        });
    }

    @Override
    public Optional<Grant> grantOf(String tokenOrUserId) {
        return db.with(h -> h.createQuery("""
                select u.id, u.collections from users u
                where u.id = :id or u.id = (select t.user_id from api_tokens t where t.id = :id)""")
                .bind("id", tokenOrUserId).map((rs, c) -> new String[] {rs.getString("id"), rs.getString("collections")}).findFirst())
                .map(row -> new Grant(nullableSet(row[1]), groupsOf(row[0])));
    }

    @Override
    public boolean setUserCollections(String userId, Set<String> collections) {
        return db.with(h -> h.createUpdate("update users set collections = :c where id = :u")
                .bind("c", nullableCsv(collections)).bind("u", userId).execute()) > 0;
    }

    /** Both databases report a unique violation as SQLState 23505; the check first gives the usual answer without one. */
    private void uniqueName(String name, Runnable write) {
        try {
            write.run();
        } catch (UnableToExecuteStatementException e) {
            if (e.getCause() instanceof SQLException s && "23505".equals(s.getSQLState())) {
                throw new io.vitrine.auth.NameTakenException("a group named '" + name + "' already exists");
            }
            throw e;
        }
    }

    private static String name(Source s) {
        return s.name().toLowerCase(Locale.ROOT);
    }

    private static String nullableCsv(Set<String> values) {
        return values == null ? null : JdbiUserRepository.csv(values);
    }

    private static Set<String> nullableSet(String csv) {
        return csv == null ? null : JdbiTokenRepository.split(csv);
    }

    private static Group map(ResultSet rs) throws SQLException {
        return new Group(rs.getString("id"), rs.getString("name"), rs.getString("description"),
                JdbiTokenRepository.split(rs.getString("roles")), JdbiTokenRepository.split(rs.getString("regions")),
                nullableSet(rs.getString("collections")), Sql.instant(rs, "created_at"), Sql.instant(rs, "updated_at"));
    }
}
