package io.vitrine.risk.jdbc;

import static io.vitrine.db.jdbi.Sql.instant;
import static io.vitrine.db.jdbi.Sql.ts;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vitrine.db.jdbi.Handles;
import io.vitrine.enrich.Tag;
import io.vitrine.risk.RiskFlag;
import io.vitrine.risk.RiskRepository;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** {@link RiskRepository} in SQL that runs unchanged on H2 and PostgreSQL. */
public final class JdbiRiskRepository implements RiskRepository {
    /** The evidence column holds at most 4,000 characters; a reviewer needs the first few items, not all of them. */
    static final int MAX_EVIDENCE_CHARS = 3_800;

    private final Handles db;
    private final ObjectMapper json = new ObjectMapper();

    public JdbiRiskRepository(Handles db) {
        this.db = db;
    }

    @Override
    public void replaceDrafts(String assetId, List<RiskFlag> found) {
        db.inTransaction(() -> db.with(h -> {
            h.createUpdate("delete from asset_risks where asset_id = :a and status = 'DRAFT'").bind("a", assetId).execute();
            Set<String> decided = h.createQuery("select flag from asset_risks where asset_id = :a").bind("a", assetId)
                    .mapTo(String.class).stream().collect(Collectors.toSet());
            for (RiskFlag f : found) {
                var update = decided.contains(f.flag())
                        ? h.createUpdate("update asset_risks set confidence = :c, source = :src, model = :m, model_version = :v, "
                                + "evidence = :e where asset_id = :a and flag = :f")
                        : h.createUpdate("insert into asset_risks (asset_id, flag, confidence, status, source, model, model_version, "
                                + "evidence, created_at) values (:a, :f, :c, 'DRAFT', :src, :m, :v, :e, :at)").bind("at", ts(f.createdAt()));
                update.bind("a", assetId).bind("f", f.flag()).bind("c", f.confidence()).bind("src", f.source())
                        .bind("m", f.model()).bind("v", f.modelVersion()).bind("e", evidence(f.evidence())).execute();
            }
            return null;
        }));
    }

    @Override
    public List<RiskFlag> flags(String assetId) {
        return db.with(h -> h.createQuery("select * from asset_risks where asset_id = :a order by flag")
                .bind("a", assetId).map((rs, ctx) -> flag(rs)).list());
    }

    @Override
    public boolean remove(String assetId, String flag) {
        return db.with(h -> h.createUpdate("delete from asset_risks where asset_id = :a and flag = :f")
                .bind("a", assetId).bind("f", flag).execute()) > 0;
    }

    @Override
    public List<String> draftsBetween(String flag, double from, double to) {
        return db.with(h -> h.createQuery("""
                select r.asset_id from asset_risks r join assets a on a.id = r.asset_id
                where r.flag = :f and r.status = 'DRAFT' and r.confidence >= :lo and r.confidence < :hi and a.deleted_at is null
                order by r.asset_id""")
                .bind("f", flag).bind("lo", from).bind("hi", to).mapTo(String.class).list());
    }

    @Override
    public Optional<RiskFlag> decide(String assetId, String flag, Tag.Status status, Instant at) {
        return db.inTransaction(() -> db.with(h -> {
            int n = h.createUpdate("update asset_risks set status = :s, decided_at = :at where asset_id = :a and flag = :f")
                    .bind("s", status.name()).bind("at", status == Tag.Status.DRAFT ? null : ts(at))
                    .bind("a", assetId).bind("f", flag).execute();
            return n == 0 ? Optional.<RiskFlag>empty()
                    : h.createQuery("select * from asset_risks where asset_id = :a and flag = :f")
                            .bind("a", assetId).bind("f", flag).map((rs, ctx) -> flag(rs)).findOne();
        }));
    }

    /** A JSON array of the evidence items that fit the column, whole items only. */
    private String evidence(List<String> items) {
        List<String> kept = new ArrayList<>();
        int size = 2;
        for (String item : items) {
            size += item.length() * 2 + 3; // escaping can at most double a string
            if (size > MAX_EVIDENCE_CHARS) {
                break;
            }
            kept.add(item);
        }
        try {
            return json.writeValueAsString(kept);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private RiskFlag flag(ResultSet rs) throws SQLException {
        List<String> evidence;
        try {
            evidence = json.readValue(rs.getString("evidence"), new TypeReference<List<String>>() {});
        } catch (JsonProcessingException e) {
            throw new SQLException("evidence of " + rs.getString("flag") + " is not a JSON array", e);
        }
        return new RiskFlag(rs.getString("flag"), rs.getDouble("confidence"), Tag.Status.valueOf(rs.getString("status")),
                rs.getString("source"), rs.getString("model"), rs.getString("model_version"), evidence,
                instant(rs, "created_at"), instant(rs, "decided_at"));
    }
}
