package io.vitrine.db;

import io.vitrine.config.VitrineConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Fresh, migrated databases for tests, one per call, isolated from each other.
 *
 * <ul>
 *   <li>{@code "h2"}: an H2 file database in a new temp folder, opened with the very URL production
 *       uses for the embedded default ({@link VitrineConfig.Db#effectiveUrl}), so mode and options
 *       match; the folder goes at JVM exit.
 *   <li>{@code "postgres"}: a new database on the JVM's {@link PostgresServer}, copied from a
 *       template migrated once, so each call costs a file copy rather than a migration. Skips the
 *       test when PostgreSQL is absent (fails under CI=true).
 * </ul>
 */
public final class TestDatabases {
    private static final int POOL = 4;
    private static String postgresTemplate;
    private static RuntimeException templateFailure;

    private TestDatabases() {}

    public static Database fresh(String kind) {
        return fresh(kind, POOL);
    }

    public static Database fresh(String kind, int poolSize) {
        return switch (kind) {
            case "h2" -> h2At(tempFolder("vitrine-h2-"), poolSize);
            case "postgres" -> postgres(poolSize);
            default -> throw new IllegalArgumentException("unknown database kind " + kind);
        };
    }

    /** Opens (creating or reopening) the production-style H2 file database under {@code dataDir}. */
    public static Database h2At(Path dataDir, int poolSize) {
        String url = new VitrineConfig.Db(null, null, null).effectiveUrl(dataDir);
        return Database.open(url, null, null, poolSize);
    }

    /** A new empty folder removed at JVM exit. */
    public static Path tempFolder(String prefix) {
        try {
            Path dir = Files.createTempDirectory(prefix);
            Runtime.getRuntime().addShutdownHook(Thread.ofPlatform().unstarted(() -> deleteTree(dir)));
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Database postgres(int poolSize) {
        PostgresServer pg = PostgresServer.shared();
        String name = pg.createDatabase(template(pg));
        return Database.open(pg.jdbcUrl(name), pg.user(), null, poolSize);
    }

    private static synchronized String template(PostgresServer pg) {
        if (templateFailure != null) {
            throw templateFailure; // fail fast: migrating again would fail the same way, slowly
        }
        if (postgresTemplate == null) {
            String name = pg.createDatabase();
            // Closing releases every connection: PostgreSQL copies only templates nobody is connected to.
            try (Database migrated = Database.open(pg.jdbcUrl(name), pg.user(), null, POOL)) {
                migrated.handles();
            } catch (RuntimeException e) {
                templateFailure = e;
                throw e;
            }
            postgresTemplate = name;
        }
        return postgresTemplate;
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            // Best effort at exit.
        }
    }
}
