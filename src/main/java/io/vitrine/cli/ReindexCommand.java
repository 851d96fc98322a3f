package io.vitrine.cli;

import io.vitrine.Vitrine;
import io.vitrine.config.ConfigLoader;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Rebuilds the search index from the database, the source of truth. */
@Command(name = "reindex", description = "Rebuild the search index from the database (stop the server first).")
final class ReindexCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        try (Vitrine vitrine = new Vitrine(ConfigLoader.load(System.getenv()))) {
            long n = vitrine.indexing().rebuild();
            spec.commandLine().getOut().println("Reindexed " + n + " assets.");
        }
        return 0;
    }
}
