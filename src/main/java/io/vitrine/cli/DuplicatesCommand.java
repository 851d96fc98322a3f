package io.vitrine.cli;

import io.vitrine.Vitrine;
import io.vitrine.config.ConfigLoader;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Near-duplicate maintenance: the library scan (also finds pairs among assets ingested before the feature). */
@Command(name = "duplicates", description = "Near-duplicate detection over the whole library.", subcommands = DuplicatesCommand.Scan.class)
final class DuplicatesCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "scan", description = "Queue a duplicate search for every live asset (durable jobs the server's workers run), "
            + "or with --now run it here (stop the server first).")
    static final class Scan implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--now", description = "run the search in this process instead of queueing jobs")
        boolean now;

        @Override
        public Integer call() throws Exception {
            PrintWriter out = spec.commandLine().getOut();
            try (Vitrine vitrine = new Vitrine(ConfigLoader.load(System.getenv()))) {
                if (!now) {
                    out.println("Queued a duplicate search for " + vitrine.duplicates().scan()
                            + " assets; the server's workers run them (they survive a restart).");
                    return 0;
                }
                List<String> ids = new ArrayList<>();
                vitrine.assets().forEachLive(a -> ids.add(a.id()));
                long pairs = 0;
                for (String id : ids) {
                    pairs += vitrine.duplicates().find(id);
                }
                out.println("Searched " + ids.size() + " assets; " + pairs / 2 + "+ pairs (each counted from both sides where both found it).");
            }
            return 0;
        }
    }
}
