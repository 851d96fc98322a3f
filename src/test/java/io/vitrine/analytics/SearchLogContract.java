package io.vitrine.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import io.vitrine.analytics.jdbc.JdbiSearchLog;
import io.vitrine.db.Database;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The {@link SearchLog} contract, run on every database. */
public abstract class SearchLogContract {
    static final Instant T = Instant.parse("2026-11-01T10:00:00Z");

    protected abstract Database freshDatabase();

    Database db;
    SearchLog log;

    @BeforeEach
    void open() {
        db = freshDatabase();
        log = new JdbiSearchLog(db.handles());
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void reports_queries_that_found_nothing_most_frequent_first() {
        log.searched("u1", "Zeppelin ", 0, 3, T);
        log.searched("u2", "zeppelin", 0, 4, T);
        log.searched("u1", "unicorn", 0, 2, T);
        log.searched("u1", "harbour", 5, 2, T);
        log.searched("u1", "old query", 0, 2, T.minusSeconds(86_400 * 40));
        var rows = log.zeroResults(T.minusSeconds(86_400 * 30), 10);
        assertThat(rows).extracting(SearchLog.QueryStat::query).containsExactly("zeppelin", "unicorn");
        assertThat(rows.getFirst().searches()).isEqualTo(2);
    }

    @Test
    void reports_queries_people_search_often_but_rarely_open() {
        for (int i = 0; i < 4; i++) {
            log.searched("u", "beach", 120, 5, T);
            log.searched("u", "logo", 3, 5, T);
        }
        log.clicked("u", "logo", "a1", 1, T);
        log.clicked("u", "LOGO", "a2", 2, T);
        log.searched("u", "rare", 3, 5, T);
        var rows = log.lowClicks(T.minusSeconds(3600), 3, 10);
        assertThat(rows).extracting(SearchLog.QueryStat::query).containsExactly("beach", "logo");
        assertThat(rows.get(1).clicks()).isEqualTo(2);
        assertThat(rows.get(1).clickRate()).isEqualTo(0.5);
    }
}
