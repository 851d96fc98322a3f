package io.vitrine.analytics.jdbc;

import io.vitrine.analytics.SearchLog;
import io.vitrine.db.jdbi.Handles;
import io.vitrine.db.jdbi.Sql;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Search events in SQL; reports are plain GROUP BYs that run unchanged on H2 and PostgreSQL. */
public final class JdbiSearchLog implements SearchLog {
    private static final Logger LOG = LoggerFactory.getLogger(JdbiSearchLog.class);
    private final Handles db;

    public JdbiSearchLog(Handles db) {
        this.db = db;
    }

    @Override
    public void searched(String actor, String query, long total, long tookMillis, Instant at) {
        try {
            db.with(h -> h.createUpdate("insert into search_events (at, actor, query, total, took_ms) values (:at, :a, :q, :t, :ms)")
                    .bind("at", Sql.ts(at)).bind("a", cut(actor, 64)).bind("q", normalize(query)).bind("t", total)
                    .bind("ms", (int) Math.min(Integer.MAX_VALUE, tookMillis)).execute());
        } catch (RuntimeException e) {
            LOG.warn("search event not recorded: {}", e.getMessage());
        }
    }

    @Override
    public void clicked(String actor, String query, String assetId, int position, Instant at) {
        try {
            db.with(h -> h.createUpdate("insert into search_clicks (at, actor, query, asset_id, position) values (:at, :a, :q, :id, :p)")
                    .bind("at", Sql.ts(at)).bind("a", cut(actor, 64)).bind("q", normalize(query)).bind("id", cut(assetId, 32))
                    .bind("p", position).execute());
        } catch (RuntimeException e) {
            LOG.warn("search click not recorded: {}", e.getMessage());
        }
    }

    @Override
    public List<QueryStat> zeroResults(Instant since, int limit) {
        return db.with(h -> h.createQuery("""
                select query, count(*) as searches from search_events where at >= :since and total = 0
                group by query order by count(*) desc, query limit :n""")
                .bind("since", Sql.ts(since)).bind("n", limit)
                .map((rs, ctx) -> new QueryStat(rs.getString("query"), rs.getLong("searches"), 0, 0)).list());
    }

    @Override
    public List<QueryStat> lowClicks(Instant since, int minSearches, int limit) {
        return db.with(h -> h.createQuery("""
                select e.query, e.searches, coalesce(c.clicks, 0) as clicks
                from (select query, count(*) as searches from search_events where at >= :since and total > 0 group by query) e
                left join (select query, count(*) as clicks from search_clicks where at >= :since group by query) c on c.query = e.query
                where e.searches >= :min
                order by coalesce(c.clicks, 0) * 1.0 / e.searches, e.searches desc, e.query limit :n""")
                .bind("since", Sql.ts(since)).bind("min", minSearches).bind("n", limit)
                .map((rs, ctx) -> {
                    long s = rs.getLong("searches");
                    long c = rs.getLong("clicks");
                    return new QueryStat(rs.getString("query"), s, c, s == 0 ? 0 : c / (double) s);
                }).list());
    }

    static String normalize(String query) {
        return cut(query == null ? "" : query.strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", " "), 1000);
    }

    private static String cut(String s, int max) {
        return s == null ? "" : s.length() <= max ? s : s.substring(0, max);
    }
}
