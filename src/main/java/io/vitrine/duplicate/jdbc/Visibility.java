package io.vitrine.duplicate.jdbc;

import java.util.List;
import org.jdbi.v3.core.statement.Query;

/** Both assets of a pair must be live and visible: the review list never shows half of a hidden pair. */
final class Visibility {
    private Visibility() {}

    static String join(List<String> regions) {
        return " join assets x on x.id = p.asset_a join assets y on y.id = p.asset_b"
                + " where x.deleted_at is null and y.deleted_at is null" + clause("x", regions) + clause("y", regions);
    }

    /** Regions are stored as "DE,FR"; wrapping in commas makes each code match only as a whole. */
    private static String clause(String alias, List<String> regions) {
        if (regions == null) {
            return "";
        }
        StringBuilder sql = new StringBuilder(" and (" + alias + ".regions = ''");
        for (int i = 0; i < regions.size(); i++) {
            sql.append(" or concat(',', ").append(alias).append(".regions, ',') like :r").append(i);
        }
        return sql.append(')').toString();
    }

    static void bind(Query q, List<String> regions) {
        for (int i = 0; regions != null && i < regions.size(); i++) {
            q.bind("r" + i, "%," + regions.get(i) + ",%");
        }
    }
}
