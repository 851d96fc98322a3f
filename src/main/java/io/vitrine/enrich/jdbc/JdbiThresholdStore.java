package io.vitrine.enrich.jdbc;

import static io.vitrine.db.jdbi.Sql.ts;

import io.vitrine.db.jdbi.Handles;
import io.vitrine.db.jdbi.Sql;
import io.vitrine.enrich.Thresholds;
import java.time.Instant;
import java.util.Optional;

/**
 * {@link Thresholds.Store} in SQL that runs unchanged on H2 and PostgreSQL: one table per kind of key,
 * the same columns (key, threshold, accepted, rejected, updated_at).
 */
public final class JdbiThresholdStore implements Thresholds.Store {
    private final Handles db;
    private final String table;
    private final String key;

    private JdbiThresholdStore(Handles db, String table, String key) {
        this.db = db;
        this.table = table;
        this.key = key;
    }

    /** Tags' per-concept thresholds ({@code concept_thresholds}, V3). */
    public static JdbiThresholdStore concepts(Handles db) {
        return new JdbiThresholdStore(db, "concept_thresholds", "concept");
    }

    /** Risk flags' per-flag thresholds ({@code risk_thresholds}, V20). */
    public static JdbiThresholdStore riskFlags(Handles db) {
        return new JdbiThresholdStore(db, "risk_thresholds", "flag");
    }

    @Override
    public Optional<Thresholds.Threshold> threshold(String k) {
        return db.with(h -> h.createQuery("select * from " + table + " where " + key + " = :k").bind("k", k)
                .map((rs, ctx) -> new Thresholds.Threshold(rs.getString(key), rs.getDouble("threshold"), rs.getInt("accepted"),
                        rs.getInt("rejected"))).findOne());
    }

    /**
     * One transaction: the row is created if missing (yielding to a concurrent creation), then one
     * {@code update … set accepted = accepted + :a} both counts and locks it, so concurrent decisions
     * queue up and none is lost; the threshold is then computed from the counts as they now are.
     */
    @Override
    public Thresholds.Threshold count(String k, int accepted, int rejected, Thresholds.Calibrator calibrate, Instant at) {
        return db.inTransaction(() -> db.with(h -> {
            if (threshold(k).isEmpty()) {
                Sql.insertUnlessTaken(h, "first_threshold", x -> x.createUpdate(
                        "insert into " + table + " (" + key + ", threshold, accepted, rejected, updated_at) values (:k, :t, 0, 0, :at)")
                        .bind("k", k).bind("t", calibrate.of(0, 0)).bind("at", ts(at)).execute());
            }
            h.createUpdate("update " + table + " set accepted = accepted + :a, rejected = rejected + :r where " + key + " = :k")
                    .bind("a", accepted).bind("r", rejected).bind("k", k).execute();
            Thresholds.Threshold counted = threshold(k).orElseThrow();
            double t = calibrate.of(counted.accepted(), counted.rejected());
            h.createUpdate("update " + table + " set threshold = :t, updated_at = :at where " + key + " = :k")
                    .bind("t", t).bind("at", ts(at)).bind("k", k).execute();
            return new Thresholds.Threshold(k, t, counted.accepted(), counted.rejected());
        }));
    }
}
