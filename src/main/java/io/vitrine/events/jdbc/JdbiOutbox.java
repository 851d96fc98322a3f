package io.vitrine.events.jdbc;

import static io.vitrine.db.jdbi.Sql.ts;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vitrine.db.jdbi.Handles;
import io.vitrine.db.jdbi.Sql;
import io.vitrine.events.Event;
import io.vitrine.events.EventLog;
import io.vitrine.events.Outbox;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The outbox and event log in the {@code events} table; appends join the thread's transaction. */
public final class JdbiOutbox implements Outbox, EventLog {
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};

    private final Handles db;
    private final ObjectMapper json;

    public JdbiOutbox(Handles db, ObjectMapper json) {
        this.db = db;
        this.json = json;
    }

    @Override
    public void append(Event e) {
        String data = write(json, e.data());
        db.with(h -> h.createUpdate("insert into events (id, type, subject, at, data) values (:id, :type, :subject, :at, :data)")
                .bind("id", e.id()).bind("type", e.type()).bind("subject", e.subject()).bind("at", ts(e.time()))
                .bind("data", data).execute());
    }

    @Override
    public List<Logged> after(long afterSeq, int limit) {
        return db.with(h -> h.createQuery("select * from events where seq > :after order by seq limit :limit")
                .bind("after", afterSeq).bind("limit", limit)
                .map((rs, ctx) -> new Logged(rs.getLong("seq"), new Event(rs.getString("id"), rs.getString("type"),
                        rs.getString("subject"), Sql.instant(rs, "at"), read(rs.getString("data")))))
                .list());
    }

    @Override
    public long lastSeq() {
        return db.with(h -> h.createQuery("select coalesce(max(seq), 0) from events").mapTo(Long.class).one());
    }

    @Override
    public int prune(Instant before) {
        return db.with(h -> h.createUpdate("delete from events where at < :before").bind("before", ts(before)).execute());
    }

    /** The payload as JSON; events carry small maps of strings, numbers and lists, so this cannot fail in practice. */
    public static String write(ObjectMapper json, Map<String, Object> data) {
        try {
            return json.writeValueAsString(data);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("event data is not serializable: " + e.getOriginalMessage(), e);
        }
    }

    private Map<String, Object> read(String data) {
        try {
            return json.readValue(data, MAP);
        } catch (JsonProcessingException e) {
            return Map.of("unreadable", data);
        }
    }
}
