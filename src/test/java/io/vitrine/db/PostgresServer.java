package io.vitrine.db;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * A throwaway PostgreSQL server for tests: one per test JVM, started on first use, on loopback
 * only, with its data, socket and log in a fresh temp folder that is removed at JVM exit.
 *
 * <pre>{@code
 * PostgresServer pg = PostgresServer.shared();          // skips the test if PostgreSQL is absent
 * String url = pg.jdbcUrl(pg.createDatabase());         // a fresh empty database
 * Database db = Database.open(url, pg.user(), null, 4);
 * }</pre>
 *
 * Without PostgreSQL binaries the calling test is skipped (JUnit assumption), except under
 * {@code CI=true}, where CI promised to install them and their absence fails the test.
 * {@code VITRINE_PG_BIN} points at a bin folder other than {@code /usr/lib/postgresql/<newest>/bin}.
 */
public final class PostgresServer {
    private static final String USER = "postgres";
    private static final String DIR_PREFIX = "vitrine-pg-";
    private static final Duration START_DEADLINE = Duration.ofSeconds(60);
    private static PostgresServer shared;
    private static Throwable startFailure;

    private final Path bin;
    private final Path dir;
    private final int port;
    private final boolean asRoot;
    private final AtomicInteger databases = new AtomicInteger();

    private PostgresServer(Path bin, Path dir, int port, boolean asRoot) {
        this.bin = bin;
        this.dir = dir;
        this.port = port;
        this.asRoot = asRoot;
    }

    /** The JVM's server, started on first call; skips (or under CI fails) the caller when PostgreSQL is missing. */
    public static synchronized PostgresServer shared() {
        Optional<Path> bin = findBinaries();
        if (bin.isEmpty()) {
            String configured = System.getenv("VITRINE_PG_BIN");
            String where = configured == null || configured.isBlank()
                    ? "no /usr/lib/postgresql/*/bin/initdb" : "no initdb in VITRINE_PG_BIN=" + configured;
            String why = "PostgreSQL server binaries not found (" + where + "); install them with scripts/install-deps --tests";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new IllegalStateException("CI=true but " + why);
            }
            Assumptions.abort(why);
        }
        if (startFailure != null) {
            // Starting failed once already: fail fast instead of paying the deadline again per test.
            throw new IllegalStateException("PostgreSQL test server did not start", startFailure);
        }
        if (shared == null) {
            try {
                shared = start(bin.get());
            } catch (IOException | RuntimeException e) {
                startFailure = e;
                throw new IllegalStateException("PostgreSQL test server did not start", e);
            }
        }
        return shared;
    }

    public String user() {
        return USER;
    }

    public int port() {
        return port;
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    /** Creates an empty database (UTF-8, C collation) and returns its name. */
    public String createDatabase() {
        return createDatabase(null);
    }

    /** Creates a database copied from {@code template} (which must have no open connections). */
    public String createDatabase(String template) {
        String name = "t" + databases.incrementAndGet();
        execute("create database " + name + (template == null ? "" : " template " + template));
        return name;
    }

    /** Runs one statement in the {@code postgres} maintenance database, outside any transaction. */
    public void execute(String sql) {
        try (Connection c = DriverManager.getConnection(jdbcUrl("postgres"), USER, null);
                Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL refused: " + sql, e);
        }
    }

    // --- starting and stopping -------------------------------------------------------------

    private static PostgresServer start(Path bin) throws IOException {
        boolean asRoot = isRoot();
        removeOrphans(bin, asRoot);
        Path dir = Files.createTempDirectory(DIR_PREFIX);
        Files.writeString(dir.resolve("owner.pid"), Long.toString(ProcessHandle.current().pid()));
        Path sock = Files.createDirectory(dir.resolve("sock"));
        if (asRoot) {
            // PostgreSQL refuses to run as root; its folders must belong to the user it runs as.
            UserPrincipal pg = dir.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName(USER);
            Files.setOwner(dir, pg);
            Files.setOwner(sock, pg);
        }
        PostgresServer server = null;
        try {
            run(bin, asRoot, dir, List.of("initdb", "-D", dir.resolve("data").toString(), "-A", "trust", "-U", USER,
                    "-E", "UTF8", "--locale=C", "--no-sync"));
            server = startOnFreePort(bin, dir, asRoot);
            server.awaitConnections();
            PostgresServer started = server;
            Runtime.getRuntime().addShutdownHook(Thread.ofPlatform().name("postgres-test-stop").unstarted(started::stop));
            return server;
        } catch (IOException | RuntimeException e) {
            if (server != null) {
                server.stop();
            } else {
                deleteTree(dir);
            }
            throw e;
        }
    }

    /** A free port can be taken by someone else between probing and binding: try a few. */
    private static PostgresServer startOnFreePort(Path bin, Path dir, boolean asRoot) throws IOException {
        IOException last = null;
        for (int attempt = 0; attempt < 3; attempt++) {
            int port = freePort();
            String options = "-p " + port + " -k " + dir.resolve("sock") + " -c listen_addresses=127.0.0.1"
                    + " -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200";
            try {
                run(bin, asRoot, dir, List.of("pg_ctl", "-D", dir.resolve("data").toString(), "-l",
                        dir.resolve("server.log").toString(), "-w", "-t", Long.toString(START_DEADLINE.toSeconds()),
                        "-o", options, "start"));
                return new PostgresServer(bin, dir, port, asRoot);
            } catch (IOException e) {
                last = e;
            }
        }
        throw last;
    }

    /** pg_ctl -w already waited; this proves that JDBC over TCP works too, within the deadline. */
    private void awaitConnections() {
        long deadline = System.nanoTime() + START_DEADLINE.toNanos();
        while (true) {
            try (Connection c = DriverManager.getConnection(jdbcUrl("postgres"), USER, null)) {
                return;
            } catch (SQLException e) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("PostgreSQL on port " + port + " never accepted connections", e);
                }
                sleep(100);
            }
        }
    }

    private void stop() {
        try {
            run(bin, asRoot, dir, List.of("pg_ctl", "-D", dir.resolve("data").toString(), "-m", "immediate", "-w", "stop"));
        } catch (IOException | RuntimeException e) {
            // Best effort at exit: the folder is removed below, and the orphan sweep handles the rest.
        }
        // hundreds of test databases take long to delete on a busy disk; a detached rm lets the JVM exit now
        try {
            new ProcessBuilder("rm", "-rf", dir.toString()).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        } catch (IOException e) {
            deleteTree(dir);
        }
    }

    /** Servers of test JVMs that were killed (no shutdown hook ran) are stopped and their folders removed. */
    private static void removeOrphans(Path bin, boolean asRoot) throws IOException {
        Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
        List<Path> orphans = new ArrayList<>();
        try (Stream<Path> all = Files.list(tmp)) {
            all.filter(p -> p.getFileName().toString().startsWith(DIR_PREFIX)).forEach(p -> {
                if (ownerIsGone(p)) {
                    orphans.add(p);
                }
            });
        }
        for (Path dir : orphans) {
            if (Files.exists(dir.resolve("data").resolve("postmaster.pid"))) {
                new PostgresServer(bin, dir, 0, asRoot).stop();
            } else {
                deleteTree(dir);
            }
        }
    }

    private static boolean ownerIsGone(Path dir) {
        try {
            long pid = Long.parseLong(Files.readString(dir.resolve("owner.pid")).strip());
            return ProcessHandle.of(pid).map(p -> !p.isAlive()).orElse(true);
        } catch (IOException | NumberFormatException e) {
            return false; // not ours, or still being set up: leave it alone
        }
    }

    // --- helpers ---------------------------------------------------------------------------

    private static void run(Path bin, boolean asRoot, Path dir, List<String> command) throws IOException {
        List<String> cmd = new ArrayList<>();
        if (asRoot) {
            cmd.addAll(List.of("runuser", "-u", USER, "--"));
        }
        String program = command.getFirst();
        cmd.add(Files.isExecutable(bin.resolve(program)) ? bin.resolve(program).toString() : program);
        cmd.addAll(command.subList(1, command.size()));
        Path out = Files.createTempFile(dir, "cmd-", ".log"); // inside the server's folder: removed with it
        try {
            Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true)
                    .redirectOutput(out.toFile()).start();
            if (!p.waitFor(START_DEADLINE.toSeconds() + 10, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException(String.join(" ", cmd) + " did not finish in time");
            }
            if (p.exitValue() != 0) {
                throw new IOException(String.join(" ", cmd) + " exited " + p.exitValue() + ":\n"
                        + Files.readString(out, StandardCharsets.UTF_8) + serverLog(dir));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while running " + program, e);
        } finally {
            Files.deleteIfExists(out);
        }
    }

    private static String serverLog(Path dir) {
        try {
            Path log = dir.resolve("server.log");
            return Files.exists(log) ? "\nserver.log:\n" + Files.readString(log) : "";
        } catch (IOException e) {
            return "";
        }
    }

    static Optional<Path> findBinaries() {
        String configured = System.getenv("VITRINE_PG_BIN");
        if (configured != null && !configured.isBlank()) {
            Path p = Path.of(configured);
            return Files.isExecutable(p.resolve("initdb")) ? Optional.of(p) : Optional.empty();
        }
        Path base = Path.of("/usr/lib/postgresql");
        if (!Files.isDirectory(base)) {
            return Optional.empty();
        }
        try (Stream<Path> versions = Files.list(base)) {
            return versions.map(v -> v.resolve("bin"))
                    .filter(b -> Files.isExecutable(b.resolve("initdb")) && Files.isExecutable(b.resolve("pg_ctl")))
                    .max(Comparator.comparingInt(PostgresServer::majorVersion));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static int majorVersion(Path bin) {
        try {
            return Integer.parseInt(bin.getParent().getFileName().toString());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static boolean isRoot() {
        return new com.sun.security.auth.module.UnixSystem().getUid() == 0;
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            // Best effort: a leftover temp folder is swept by the next run's orphan check.
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for PostgreSQL", e);
        }
    }
}
