package io.vitrine.cli;

import io.vitrine.Vitrine;
import io.vitrine.config.ConfigLoader;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * Rebuilds the search index from the database, the source of truth: aside, then swapped in. The
 * index folder belongs to one process, so against a running server the rebuild is asked of the
 * server itself ({@code POST /api/v1/admin/reindex}), which does the same without downtime.
 */
@Command(name = "reindex", description = "Rebuild the search index from the database, aside, then swap it in."
        + " On a running server use POST /api/v1/admin/reindex (admin), which does the same without downtime.")
final class ReindexCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        try (Vitrine vitrine = new Vitrine(ConfigLoader.load(System.getenv()))) {
            long started = System.nanoTime();
            long n = vitrine.indexing().rebuild();
            spec.commandLine().getOut().printf("Reindexed %d assets in %d ms.%n", n, (System.nanoTime() - started) / 1_000_000);
        } catch (IllegalStateException e) {
            if (e.getMessage() == null || !e.getMessage().contains("in use by another Vitrine process")) {
                throw e;
            }
            spec.commandLine().getErr().println("The server is running and owns the index: ask it to rebuild without downtime,"
                    + " e.g. curl -X POST -H 'Authorization: Bearer <admin token>' http://<host>:<port>/api/v1/admin/reindex");
            return 1;
        }
        return 0;
    }
}
