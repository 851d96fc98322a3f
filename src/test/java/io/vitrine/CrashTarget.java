package io.vitrine;

import java.nio.file.Path;
import java.util.Map;

/**
 * A real Vitrine in a JVM of its own, for {@link IndexCrashRecoveryTest} to kill -9: serves on a
 * random port, prints {@code CRASH-TARGET-PORT <port>} once it listens, then runs until killed.
 */
public final class CrashTarget {
    private CrashTarget() {}

    public static void main(String[] args) throws Exception {
        // a short lease, so jobs this JVM held when killed are taken over soon after the restart
        TestServer server = new TestServer(Path.of(args[0]), Map.of("VITRINE_JOB_LEASE", "PT15S"));
        System.out.println("CRASH-TARGET-PORT " + server.vitrine().port());
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
