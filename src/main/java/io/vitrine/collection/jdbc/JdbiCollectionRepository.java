package io.vitrine.collection.jdbc;

import io.vitrine.collection.Collection;
import io.vitrine.collection.CollectionRepository;
import io.vitrine.collection.Member;
import io.vitrine.collection.ShareLink;
import io.vitrine.db.jdbi.Handles;
import io.vitrine.db.jdbi.Sql;
import io.vitrine.rights.Channel;
import io.vitrine.rights.Use;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** {@link CollectionRepository} in SQL that runs unchanged on H2 and PostgreSQL. */
public final class JdbiCollectionRepository implements CollectionRepository {
    private static final String SELECT = """
            select c.*, (select count(*) from collection_assets ca join assets a on a.id = ca.asset_id
                         where ca.collection_id = c.id and a.deleted_at is null) as asset_count
            from collections c""";

    private final Handles db;

    public JdbiCollectionRepository(Handles db) {
        this.db = db;
    }

    @Override
    public void insert(Collection c) {
        db.with(h -> h.createUpdate("""
                insert into collections (id, name, description, owner_id, created_at, updated_at)
                values (:id, :name, :description, :owner, :created, :updated)""")
                .bind("id", c.id()).bind("name", c.name()).bind("description", c.description()).bind("owner", c.ownerId())
                .bind("created", Sql.ts(c.createdAt())).bind("updated", Sql.ts(c.updatedAt())).execute());
    }

    @Override
    public Optional<Collection> find(String id) {
        return db.with(h -> h.createQuery(SELECT + " where c.id = :id").bind("id", id).map((rs, ctx) -> collection(rs)).findOne());
    }

    @Override
    public List<Collection> listFor(String ownerId, boolean everything) {
        String order = " order by c.created_at desc, c.id desc";
        if (everything) {
            return db.with(h -> h.createQuery(SELECT + order).map((rs, ctx) -> collection(rs)).list());
        }
        String where = " where c.owner_id = :who"
                + " or exists (select 1 from collection_members m where m.collection_id = c.id and m.user_id = :who)";
        return db.with(h -> h.createQuery(SELECT + where + order).bind("who", ownerId).map((rs, ctx) -> collection(rs)).list());
    }

    @Override
    public void update(String id, String name, String description, Instant at) {
        db.with(h -> h.createUpdate("update collections set name = :n, description = :d, updated_at = :t where id = :id")
                .bind("n", name).bind("d", description).bind("t", Sql.ts(at)).bind("id", id).execute());
    }

    @Override
    public void delete(String id) {
        db.with(h -> h.createUpdate("delete from collections where id = :id").bind("id", id).execute());
    }

    @Override
    public List<String> addAssets(String collectionId, List<String> assetIds, String by, Instant at) {
        return db.inTransaction(() -> db.with(h -> {
            List<String> added = new java.util.ArrayList<>();
            for (String a : assetIds) {
                int present = h.createQuery("select count(*) from collection_assets where collection_id = :c and asset_id = :a")
                        .bind("c", collectionId).bind("a", a).mapTo(Integer.class).one();
                if (present == 0 && h.createUpdate("""
                            insert into collection_assets (collection_id, asset_id, added_by, added_at) values (:c, :a, :by, :t)""")
                            .bind("c", collectionId).bind("a", a).bind("by", by).bind("t", Sql.ts(at)).execute() > 0) {
                    added.add(a);
                }
            }
            h.createUpdate("update collections set updated_at = :t where id = :c").bind("t", Sql.ts(at)).bind("c", collectionId).execute();
            return added;
        }));
    }

    @Override
    public boolean removeAsset(String collectionId, String assetId) {
        return db.with(h -> h.createUpdate("delete from collection_assets where collection_id = :c and asset_id = :a")
                .bind("c", collectionId).bind("a", assetId).execute()) > 0;
    }

    @Override
    public java.util.Set<String> collectionsWith(String assetId) {
        return db.with(h -> h.createQuery("select collection_id from collection_assets where asset_id = :a").bind("a", assetId)
                .mapTo(String.class).set());
    }

    @Override
    public List<String> assetIds(String collectionId) {
        return db.with(h -> h.createQuery("""
                select ca.asset_id from collection_assets ca join assets a on a.id = ca.asset_id
                where ca.collection_id = :c and a.deleted_at is null order by ca.added_at, ca.asset_id""")
                .bind("c", collectionId).mapTo(String.class).list());
    }

    @Override
    public List<Member> members(String collectionId) {
        return db.with(h -> h.createQuery("select * from collection_members where collection_id = :c order by added_at, user_id")
                .bind("c", collectionId).map((rs, ctx) -> new Member(rs.getString("user_id"),
                        Member.Access.valueOf(rs.getString("access")), Sql.instant(rs, "added_at"))).list());
    }

    @Override
    public Optional<Member.Access> accessOf(String collectionId, String userId) {
        return db.with(h -> h.createQuery("select access from collection_members where collection_id = :c and user_id = :u")
                .bind("c", collectionId).bind("u", userId).mapTo(String.class).findOne().map(Member.Access::valueOf));
    }

    @Override
    public void putMember(String collectionId, Member m) {
        db.inTransaction(() -> db.with(h -> {
            h.createUpdate("delete from collection_members where collection_id = :c and user_id = :u")
                    .bind("c", collectionId).bind("u", m.userId()).execute();
            return h.createUpdate("insert into collection_members (collection_id, user_id, access, added_at) values (:c, :u, :a, :t)")
                    .bind("c", collectionId).bind("u", m.userId()).bind("a", m.access().name()).bind("t", Sql.ts(m.addedAt())).execute();
        }));
    }

    @Override
    public boolean removeMember(String collectionId, String userId) {
        return db.with(h -> h.createUpdate("delete from collection_members where collection_id = :c and user_id = :u")
                .bind("c", collectionId).bind("u", userId).execute()) > 0;
    }

    @Override
    public Optional<String> userOfToken(String tokenId) {
        return db.with(h -> h.createQuery("select user_id from api_tokens where id = :t").bind("t", tokenId)
                .mapTo(String.class).findOne());
    }

    @Override
    public boolean userExists(String userId) {
        return db.with(h -> h.createQuery("select count(*) from users where id = :u").bind("u", userId).mapTo(Integer.class).one()) > 0;
    }

    @Override
    public void insertLink(ShareLink l) {
        db.with(h -> h.createUpdate("""
                insert into share_links (id, collection_id, token_hash, channel, region, allow_download, password_hash, expires_at,
                    created_by, created_at)
                values (:id, :c, :hash, :channel, :region, :download, :password, :expires, :by, :created)""")
                .bind("id", l.id()).bind("c", l.collectionId()).bind("hash", l.tokenHash()).bind("channel", l.use().channel().name())
                .bind("region", l.use().region()).bind("download", l.download()).bind("password", l.passwordHash())
                .bind("expires", Sql.ts(l.expiresAt())).bind("by", l.createdBy()).bind("created", Sql.ts(l.createdAt())).execute());
    }

    @Override
    public Optional<ShareLink> linkByTokenHash(String tokenHash) {
        return db.with(h -> h.createQuery("select * from share_links where token_hash = :h").bind("h", tokenHash)
                .map((rs, ctx) -> link(rs)).findOne());
    }

    @Override
    public Optional<ShareLink> link(String id) {
        return db.with(h -> h.createQuery("select * from share_links where id = :id").bind("id", id).map((rs, ctx) -> link(rs)).findOne());
    }

    @Override
    public List<ShareLink> links(String collectionId) {
        return db.with(h -> h.createQuery("select * from share_links where collection_id = :c order by created_at desc, id desc")
                .bind("c", collectionId).map((rs, ctx) -> link(rs)).list());
    }

    @Override
    public void revokeLink(String id, Instant at) {
        db.with(h -> h.createUpdate("update share_links set revoked_at = :t where id = :id and revoked_at is null")
                .bind("t", Sql.ts(at)).bind("id", id).execute());
    }

    @Override
    public void noteUse(String linkId, Instant at) {
        db.with(h -> h.createUpdate("update share_links set uses = uses + 1, last_used_at = :t where id = :id")
                .bind("t", Sql.ts(at)).bind("id", linkId).execute());
    }

    @Override
    public void notePassword(String linkId, boolean right) {
        db.with(h -> h.createUpdate(right ? "update share_links set failed_passwords = 0 where id = :id"
                : "update share_links set failed_passwords = failed_passwords + 1 where id = :id").bind("id", linkId).execute());
    }

    private static Collection collection(ResultSet rs) throws SQLException {
        return new Collection(rs.getString("id"), rs.getString("name"), rs.getString("description"), rs.getString("owner_id"),
                Sql.instant(rs, "created_at"), Sql.instant(rs, "updated_at"), rs.getInt("asset_count"));
    }

    private static ShareLink link(ResultSet rs) throws SQLException {
        return new ShareLink(rs.getString("id"), rs.getString("collection_id"), rs.getString("token_hash"),
                new Use(Channel.valueOf(rs.getString("channel")), rs.getString("region")), rs.getBoolean("allow_download"),
                rs.getString("password_hash"), Sql.instant(rs, "expires_at"), rs.getString("created_by"), Sql.instant(rs, "created_at"),
                Sql.instant(rs, "revoked_at"), rs.getLong("uses"), Sql.instant(rs, "last_used_at"), rs.getInt("failed_passwords"));
    }
}
