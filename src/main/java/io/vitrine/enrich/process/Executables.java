package io.vitrine.enrich.process;

import io.vitrine.rendition.process.ProcessRunner;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Finding a tool without running it, and the version of the Debian package that installed it. */
final class Executables {
    private Executables() {}

    /** A command with a slash is a path; otherwise the first executable of that name on the PATH. */
    static Optional<Path> find(String command) {
        if (command.contains("/")) {
            Path p = Path.of(command);
            return Files.isRegularFile(p) && Files.isExecutable(p) ? Optional.of(p) : Optional.empty();
        }
        String path = System.getenv().getOrDefault("PATH", "/usr/bin:/bin");
        for (String dir : path.split(File.pathSeparator)) {
            Path p = Path.of(dir.isEmpty() ? "." : dir, command);
            if (Files.isRegularFile(p) && Files.isExecutable(p)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    /** The installed version of a Debian package, empty off Debian or when it is not installed. */
    static Optional<String> debianVersion(String pkg) {
        try {
            var r = new ProcessRunner(Duration.ofSeconds(10)).run(List.of("dpkg-query", "-W", "-f=${Version}", pkg), Path.of("."));
            String v = r.stdout().strip();
            return r.exitCode() == 0 && v.matches("[A-Za-z0-9.+~:-]{1,40}") ? Optional.of(v) : Optional.empty();
        } catch (Exception e) {
            return Optional.empty();
        }
    }
}
