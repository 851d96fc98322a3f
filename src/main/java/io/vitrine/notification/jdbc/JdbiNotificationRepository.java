package io.vitrine.notification.jdbc;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vitrine.db.jdbi.Handles;
import io.vitrine.db.jdbi.Sql;
import io.vitrine.notification.Notification;
import io.vitrine.notification.NotificationRepository;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@link NotificationRepository} in SQL that runs unchanged on H2 and PostgreSQL (V19). */
public final class JdbiNotificationRepository implements NotificationRepository {
    private static final TypeReference<Map<String, String>> DATA = new TypeReference<>() {};

    private final Handles db;
    private final ObjectMapper json;

    public JdbiNotificationRepository(Handles db, ObjectMapper json) {
        this.db = db;
        this.json = json;
    }

    @Override
    public void insert(Notification n) {
        String data;
        try {
            data = json.writeValueAsString(n.data());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        db.with(h -> h.createUpdate("""
                insert into notifications (id, recipient_id, type, asset_id, data, created_at, read_at)
                values (:id, :r, :type, :asset, :data, :created, :read)""")
                .bind("id", n.id()).bind("r", n.recipientId()).bind("type", n.type()).bind("asset", n.assetId())
                .bind("data", data).bind("created", Sql.ts(n.createdAt())).bind("read", Sql.ts(n.readAt())).execute());
    }

    @Override
    public List<Notification> of(String recipientId, boolean unreadOnly, String afterId, int limit) {
        Optional<Notification> after = afterId == null ? Optional.empty() : find(afterId).filter(n -> n.recipientId().equals(recipientId));
        return db.with(h -> {
            var q = h.createQuery("select * from notifications where recipient_id = :r"
                    + (unreadOnly ? " and read_at is null" : "")
                    + (after.isPresent() ? " and (created_at < :t or (created_at = :t and id < :id))" : "")
                    + " order by created_at desc, id desc limit :n").bind("r", recipientId).bind("n", limit);
            after.ifPresent(a -> q.bind("t", Sql.ts(a.createdAt())).bind("id", a.id()));
            return q.map((rs, c) -> map(rs)).list();
        });
    }

    @Override
    public Optional<Notification> find(String id) {
        return db.with(h -> h.createQuery("select * from notifications where id = :id").bind("id", id).map((rs, c) -> map(rs)).findOne());
    }

    @Override
    public boolean markRead(String recipientId, String id, Instant at) {
        return db.inTransaction(() -> {
            db.with(h -> h.createUpdate("update notifications set read_at = :at where id = :id and recipient_id = :r and read_at is null")
                    .bind("at", Sql.ts(at)).bind("id", id).bind("r", recipientId).execute());
            return find(id).filter(n -> n.recipientId().equals(recipientId)).isPresent();
        });
    }

    @Override
    public int markAllRead(String recipientId, Instant upTo, Instant at) {
        return db.with(h -> h.createUpdate("update notifications set read_at = :at where recipient_id = :r and read_at is null"
                + " and created_at <= :upto").bind("at", Sql.ts(at)).bind("r", recipientId).bind("upto", Sql.ts(upTo)).execute());
    }

    @Override
    public boolean claimExpiryWarning(String licenceId, String assetId, Instant endsAt, int windowDays, Instant at) {
        // "insert … where not exists" keeps the usual case free of errors; the primary key settles a race
        return db.with(h -> h.createUpdate("""
                insert into licence_expiry_warnings (licence_id, asset_id, ends_at, window_days, warned_at)
                select :l, :a, :e, :w, :at from (select 1 as one) x
                where not exists (select 1 from licence_expiry_warnings
                                  where licence_id = :l and asset_id = :a and ends_at = :e and window_days = :w)""")
                .bind("l", licenceId).bind("a", assetId).bind("e", Sql.ts(endsAt)).bind("w", windowDays).bind("at", Sql.ts(at))
                .execute()) > 0;
    }

    @Override
    public boolean expiryWarned(String licenceId, String assetId, Instant endsAt, int windowDays) {
        return db.with(h -> h.createQuery("""
                select count(*) from licence_expiry_warnings where licence_id = :l and asset_id = :a and ends_at = :e and window_days = :w""")
                .bind("l", licenceId).bind("a", assetId).bind("e", Sql.ts(endsAt)).bind("w", windowDays).mapTo(Integer.class).one()) > 0;
    }

    @Override
    public Optional<String> ownerOf(String assetId) {
        return db.with(h -> h.createQuery("select owner_id from assets where id = :id").bind("id", assetId)
                .mapTo(String.class).list()).stream().filter(java.util.Objects::nonNull).findFirst();
    }

    @Override
    public List<String> librarians() {
        return db.with(h -> h.createQuery("""
                select u.id from users u where u.revoked_at is null and (concat(',', u.roles, ',') like '%,librarian,%'
                  or exists (select 1 from user_group_members m join user_groups g on g.id = m.group_id
                             where m.user_id = u.id and concat(',', g.roles, ',') like '%,librarian,%'))
                order by u.id""").mapTo(String.class).list());
    }

    private Notification map(ResultSet rs) throws SQLException {
        Map<String, String> data;
        try {
            data = json.readValue(rs.getString("data"), DATA);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new SQLException("unreadable notification data", e);
        }
        return new Notification(rs.getString("id"), rs.getString("recipient_id"), rs.getString("type"), rs.getString("asset_id"),
                data, Sql.instant(rs, "created_at"), Sql.instant(rs, "read_at"));
    }
}
