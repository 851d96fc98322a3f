package io.vitrine.cli;

import io.vitrine.Vitrine;
import io.vitrine.config.ConfigLoader;
import io.vitrine.enrich.EnrichmentSteps;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * Re-runs enrichment in this process (stop the server first), e.g. after pulling a new model
 * version: every step is idempotent, and decided tags keep their decision.
 */
@Command(name = "enrich", description = "Re-run enrichment on some or all assets (stop the server first).")
final class EnrichCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--model", description = "tags (or a tagger model name), palette, quality, or all (default)")
    String model = "all";

    @Option(names = "--all", description = "every live asset")
    boolean all;

    @Parameters(arity = "0..*", paramLabel = "ASSET_ID")
    List<String> ids = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        if (!all && ids.isEmpty()) {
            throw new IllegalArgumentException("name asset ids or pass --all");
        }
        try (Vitrine vitrine = new Vitrine(ConfigLoader.load(System.getenv()))) {
            List<String> targets = new ArrayList<>(ids);
            if (all) {
                vitrine.assets().forEachLive(a -> targets.add(a.id()));
            }
            int ran = 0;
            for (String id : targets) {
                ran += run(vitrine.enrichmentSteps(), id) ? 1 : 0;
                vitrine.indexing().run(id);
            }
            out.println("Enriched " + ran + " of " + targets.size() + " assets (" + model + ").");
        }
        return 0;
    }

    private boolean run(EnrichmentSteps steps, String id) throws Exception {
        boolean any = false;
        if (model.equals("all") || model.equals("palette")) {
            any |= steps.palette(id, true);
        }
        if (model.equals("all") || model.equals("quality")) {
            any |= steps.quality(id, true);
        }
        if (!model.equals("palette") && !model.equals("quality")) {
            any |= steps.tags(id, true);
        }
        return any;
    }
}
