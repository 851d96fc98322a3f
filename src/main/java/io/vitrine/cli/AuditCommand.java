package io.vitrine.cli;

import io.vitrine.Vitrine;
import io.vitrine.audit.AuditService;
import io.vitrine.config.ConfigLoader;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code vitrine audit verify}: recomputes the audit hash chain; exit 1 when it is broken. */
@Command(name = "audit", description = "Audit trail tools.", subcommands = AuditCommand.Verify.class)
final class AuditCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "verify", description = "Prove the audit chain: every event's hash and link to the one before.")
    static final class Verify implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            try (Vitrine vitrine = new Vitrine(ConfigLoader.load(System.getenv()))) {
                AuditService.Verification v = vitrine.audit().verify();
                if (v.valid()) {
                    spec.commandLine().getOut().println("Audit chain valid: " + v.events() + " events.");
                    return 0;
                }
                spec.commandLine().getOut().println("Audit chain BROKEN at event " + v.firstBroken() + ": " + v.reason()
                        + " (" + v.events() + " events verified before it).");
                return 1;
            }
        }
    }
}
