package io.vitrine.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Opening databases: the embedded default URL, tiny pools, and the PostgreSQL test harness itself. */
class DatabaseTest {

    @Test
    void the_default_embedded_h2_url_opens_migrates_and_keeps_data_across_a_reopen() {
        Path dataDir = TestDatabases.tempFolder("vitrine-db-");
        try (Database db = TestDatabases.h2At(dataDir, 2)) {
            db.handles().with(h -> h.execute("insert into import_journal (entry_key, root, path, bytes, modified_at, outcome) "
                    + "values ('" + "k".repeat(64) + "', '/r', '/r/a', 1, 2, 'imported')"));
        }
        try (Database db = TestDatabases.h2At(dataDir, 2)) {
            assertThat(db.isPostgres()).isFalse();
            assertThat(count(db, "import_journal")).isEqualTo(1);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void a_pool_of_one_connection_still_migrates_and_works(String kind) {
        assertTimeoutPreemptively(Duration.ofSeconds(15), () -> {
            try (Database db = TestDatabases.fresh(kind, 1)) {
                assertThat(count(db, "assets")).isZero();
            }
        });
    }

    @Test
    void the_postgres_test_server_listens_on_loopback_and_hands_out_isolated_databases() {
        try (Database a = TestDatabases.fresh("postgres"); Database b = TestDatabases.fresh("postgres")) {
            assertThat(a.isPostgres()).isTrue();
            String address = a.handles().with(h -> h.createQuery("select host(inet_server_addr())").mapTo(String.class).one());
            assertThat(address).isEqualTo("127.0.0.1");
            a.handles().with(h -> h.execute("insert into import_journal (entry_key, root, path, bytes, modified_at, outcome) "
                    + "values ('" + "k".repeat(64) + "', '/r', '/r/a', 1, 2, 'imported')"));
            assertThat(count(a, "import_journal")).isEqualTo(1);
            assertThat(count(b, "import_journal")).isZero();
            int version = a.handles().with(h -> h.createQuery("show server_version_num").mapTo(Integer.class).one());
            assertThat(version).isGreaterThanOrEqualTo(150000);
        }
    }

    private static long count(Database db, String table) {
        return db.handles().with(h -> h.createQuery("select count(*) from " + table).mapTo(Long.class).one());
    }
}
