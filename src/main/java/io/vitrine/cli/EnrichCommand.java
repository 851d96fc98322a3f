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

    @Option(names = "--model", description = "tags (or a tagger model name), palette, quality, faces (or a face model name), ocr (or tesseract), transcripts (or whisper, pocketsphinx: the recognizer VITRINE_TRANSCRIBER makes active), risk, clip (zero-shot tags and image vectors of the installed CLIP model), embeddings (text vectors of assets' words and concepts in every text space, e.g. after turning the zh space on), or all (default)")
    String model = "all";

    @Option(names = "--all", description = "every live asset")
    boolean all;

    @Parameters(arity = "0..*", paramLabel = "ASSET_ID")
    List<String> ids = new ArrayList<>();

    /** The settings it runs with: the process environment, as for the server. */
    java.util.Map<String, String> env = System.getenv();

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        if (!all && ids.isEmpty()) {
            throw new IllegalArgumentException("name asset ids or pass --all");
        }
        try (Vitrine vitrine = new Vitrine(ConfigLoader.load(env))) {
            String faceModel = vitrine.config().enrich().faceModel();
            List<String> targets = new ArrayList<>(ids);
            if (all) {
                vitrine.assets().forEachLive(a -> targets.add(a.id()));
            }
            int ran = 0;
            for (String id : targets) {
                boolean any = run(vitrine.enrichmentSteps(), faceModel, id);
                if (model.equals("all") || model.equals("clip")) {
                    any |= vitrine.enrichmentSteps().tags(id, true, vitrine.zeroShotTagger(), EnrichmentSteps.CLIP);
                }
                any |= run(vitrine.facesAndText(), faceModel, id);
                if (model.equals("all") || model.equals("transcripts") || model.equals("pocketsphinx")
                        || model.equals("whisper")) {
                    any |= vitrine.transcripts().transcribe(id, true);
                }
                if (model.equals("all") || model.equals("embeddings")) {
                    // after the tags: concept vectors mix them; unchanged inputs cost a hash lookup per space
                    var embed = vitrine.textEmbeddings();
                    if (embed.isPresent()) {
                        embed.get().run(id);
                        any |= model.equals("embeddings"); // the step does not say whether a vector changed
                    }
                }
                // risk flags rest on what the other steps found, so they follow any of them
                ran += (model.equals("all") || model.equals("risk") ? vitrine.riskStep().assess(id, true) : false) || any ? 1 : 0;
                vitrine.indexing().run(id);
            }
            out.println("Enriched " + ran + " of " + targets.size() + " assets (" + model + ").");
        }
        return 0;
    }

    private boolean run(EnrichmentSteps steps, String faceModel, String id) throws Exception {
        boolean any = false;
        if (model.equals("all") || model.equals("palette")) {
            any |= steps.palette(id, true);
        }
        if (model.equals("all") || model.equals("quality")) {
            any |= steps.quality(id, true);
        }
        if (!SIBLINGS.contains(model) && !model.equals(faceModel)) {
            any |= steps.tags(id, true);
        }
        return any;
    }

    private static final java.util.Set<String> SIBLINGS = java.util.Set.of("palette", "quality", "faces", "ocr", "tesseract", "transcripts",
            "pocketsphinx", "whisper", "risk", "clip", "embeddings");

    private boolean run(io.vitrine.enrich.FaceAndTextSteps steps, String faceModelName, String id) throws Exception {
        boolean any = false;
        if (model.equals("all") || model.equals("faces") || model.equals(faceModelName)) {
            any |= steps.faces(id, true);
        }
        if (model.equals("all") || model.equals("ocr") || model.equals("tesseract")) {
            any |= steps.text(id, true);
        }
        return any;
    }
}
