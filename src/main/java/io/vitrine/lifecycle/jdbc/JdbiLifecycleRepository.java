package io.vitrine.lifecycle.jdbc;

import io.vitrine.db.jdbi.Handles;
import io.vitrine.db.jdbi.Sql;
import io.vitrine.lifecycle.LifecycleRepository;
import io.vitrine.lifecycle.LifecycleRule;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** {@link LifecycleRepository} in SQL that runs unchanged on H2 and PostgreSQL. */
public final class JdbiLifecycleRepository implements LifecycleRepository {
    private final Handles db;

    public JdbiLifecycleRepository(Handles db) {
        this.db = db;
    }

    @Override
    public List<LifecycleRule> rules() {
        return db.with(h -> h.createQuery("select * from lifecycle_rules order by position, id").map((rs, ctx) -> rule(rs)).list());
    }

    @Override
    public void replaceRules(List<LifecycleRule> rules) {
        db.inTransaction(() -> db.with(h -> {
            h.createUpdate("delete from lifecycle_rules").execute();
            int position = 1;
            for (LifecycleRule r : rules) {
                h.createUpdate("""
                        insert into lifecycle_rules (id, position, trigger_on, action, within_days, enabled)
                        values (:id, :p, :t, :a, :d, :e)""")
                        .bind("id", r.id()).bind("p", position++).bind("t", r.trigger().name()).bind("a", r.action().name())
                        .bind("d", r.withinDays()).bind("e", r.enabled()).execute();
            }
            return null;
        }));
    }

    @Override
    public Optional<Facts> facts(String assetId) {
        return db.with(h -> h.createQuery("select * from asset_lifecycle where asset_id = :a").bind("a", assetId)
                .map((rs, ctx) -> new Facts(rs.getString("asset_id"), Sql.instant(rs, "campaign_end"), rs.getString("guideline_version")))
                .findOne());
    }

    @Override
    public void saveFacts(Facts f) {
        db.inTransaction(() -> db.with(h -> {
            h.createUpdate("delete from asset_lifecycle where asset_id = :a").bind("a", f.assetId()).execute();
            return h.createUpdate("insert into asset_lifecycle (asset_id, campaign_end, guideline_version) values (:a, :c, :g)")
                    .bind("a", f.assetId()).bind("c", Sql.ts(f.campaignEnd())).bind("g", f.guidelineVersion()).execute();
        }));
    }

    @Override
    public List<String> campaignsEndedBefore(Instant now) {
        return db.with(h -> h.createQuery("""
                select l.asset_id from asset_lifecycle l join assets a on a.id = l.asset_id
                where a.deleted_at is null and l.campaign_end is not null and l.campaign_end < :now order by l.asset_id""")
                .bind("now", Sql.ts(now)).mapTo(String.class).list());
    }

    @Override
    public List<String> guidelineNot(String current) {
        return db.with(h -> h.createQuery("""
                select a.id from assets a left join asset_lifecycle l on l.asset_id = a.id
                where a.deleted_at is null and (l.guideline_version is null or l.guideline_version <> :g) order by a.id""")
                .bind("g", current).mapTo(String.class).list());
    }

    @Override
    public Optional<String> setting(String name) {
        return db.with(h -> h.createQuery("select setting_value from lifecycle_settings where name = :n").bind("n", name)
                .mapTo(String.class).findOne());
    }

    @Override
    public void saveSetting(String name, String value) {
        db.inTransaction(() -> db.with(h -> {
            h.createUpdate("delete from lifecycle_settings where name = :n").bind("n", name).execute();
            return h.createUpdate("insert into lifecycle_settings (name, setting_value) values (:n, :v)").bind("n", name).bind("v", value).execute();
        }));
    }

    @Override
    public boolean warn(String assetId, String ruleId, String detail, Instant at) {
        String d = detail.length() > 512 ? detail.substring(0, 512) : detail;
        return db.inTransaction(() -> db.with(h -> {
            int present = h.createQuery("select count(*) from lifecycle_warnings where asset_id = :a and rule_id = :r and detail = :d")
                    .bind("a", assetId).bind("r", ruleId).bind("d", d).mapTo(Integer.class).one();
            return present == 0 && h.createUpdate("""
                    insert into lifecycle_warnings (asset_id, rule_id, detail, created_at) values (:a, :r, :d, :t)""")
                    .bind("a", assetId).bind("r", ruleId).bind("d", d).bind("t", Sql.ts(at)).execute() == 1;
        }));
    }

    @Override
    public List<Warning> warnings(int limit) {
        return db.with(h -> h.createQuery("select * from lifecycle_warnings order by created_at desc, asset_id limit :n")
                .bind("n", limit).map((rs, ctx) -> new Warning(rs.getString("asset_id"), rs.getString("rule_id"), rs.getString("detail"),
                        Sql.instant(rs, "created_at"))).list());
    }

    private static LifecycleRule rule(ResultSet rs) throws SQLException {
        Integer days = rs.getObject("within_days") == null ? null : rs.getInt("within_days");
        return new LifecycleRule(rs.getString("id"), LifecycleRule.Trigger.valueOf(rs.getString("trigger_on")),
                LifecycleRule.Action.valueOf(rs.getString("action")), days, rs.getBoolean("enabled"));
    }
}
