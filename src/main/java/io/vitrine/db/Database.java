package io.vitrine.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.vitrine.db.jdbi.Handles;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;

/** The connection pool, migrated schema and JDBI entry point for one database (H2 or PostgreSQL). */
public final class Database implements AutoCloseable {
    private final HikariDataSource dataSource;
    private final Handles handles;

    private Database(HikariDataSource dataSource) {
        this.dataSource = dataSource;
        this.handles = new Handles(Jdbi.create(dataSource));
    }

    public static Database open(String url, String user, String password, int poolSize) {
        HikariConfig cfg = new HikariConfig();
        cfg.setJdbcUrl(url);
        if (user != null) {
            cfg.setUsername(user);
        }
        if (password != null) {
            cfg.setPassword(password);
        }
        cfg.setMaximumPoolSize(poolSize);
        cfg.setPoolName("vitrine-db");
        // Flyway gets connections of its own: it holds two at once, so migrating through the pool
        // would wait forever (until the pool's timeout) when poolSize is 1.
        Flyway.configure().dataSource(url, user, password).locations("classpath:db/migration").load().migrate();
        return new Database(new HikariDataSource(cfg));
    }

    public Handles handles() {
        return handles;
    }

    public boolean isPostgres() {
        return dataSource.getJdbcUrl().startsWith("jdbc:postgresql:");
    }

    @Override
    public void close() {
        dataSource.close();
    }
}
