package io.vitrine.cli;

import io.vitrine.Models;
import io.vitrine.config.ConfigLoader;
import io.vitrine.config.VitrineConfig;
import io.vitrine.duplicate.bench.DuplicateQuality;
import io.vitrine.duplicate.bench.TransformSet;
import io.vitrine.enrich.Tagger;
import io.vitrine.enrich.onnx.OnnxTaggerSource;
import io.vitrine.storage.FileTrees;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * Near-duplicate verdict quality: generates resize / recompress / crop / colour-shift / quarter-turn /
 * burst-like variants of distinct photos, fingerprints them with the pipeline's code and prints
 * precision, recall and F1 overall ("duplicate F1") and per verdict, with hashes only and with the
 * installed tagger's image embedding.
 */
@Command(name = "duplicates", description = "Near-duplicate precision/recall/F1 on transforms generated from a folder of distinct photos.")
final class BenchDuplicates implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(arity = "0..1", paramLabel = "DIR", description = "distinct JPEG/PNG photos (default: ../shared/corpus/photos)")
    Path dir = BenchCommand.DEFAULT_PHOTOS;

    @Option(names = "--limit", description = "photos to use (default: 20)")
    int limit = 20;

    @Option(names = "--models", description = "a models folder named models, e.g. /srv/vitrine/models (default: $VITRINE_DATA/models)")
    Path models;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        List<Path> photos = BenchCommand.images(dir).stream()
                .filter(p -> p.getFileName().toString().toLowerCase(Locale.ROOT).matches(".*\\.(jpe?g|png)$")).limit(limit).toList();
        if (photos.size() < 2) {
            throw new IllegalArgumentException("need at least 2 JPEG/PNG photos in " + dir);
        }
        Path work = Files.createTempDirectory("vitrine-bench-duplicates");
        try {
            List<TransformSet.Item> items = TransformSet.generate(photos, work.resolve("set"));
            out.printf("%d photos from %s, %d generated files%n%n", photos.size(), dir, items.size());
            out.println("hashes and metadata only:");
            out.println(DuplicateQuality.measure(items, null, work.resolve("plain")).format());
            try (OnnxTaggerSource source = tagger()) {
                Optional<Tagger> tagger = source.tagger();
                if (tagger.isEmpty()) {
                    out.println("no tagger model installed: run `vitrine models pull " + source.modelName() + "` for the embedding figures");
                } else {
                    out.println("with the image embedding of " + tagger.get().embeddingSpace().orElse(tagger.get().model()) + ":");
                    out.println(DuplicateQuality.measure(items, tagger.get(), work.resolve("model")).format());
                }
            }
        } finally {
            FileTrees.delete(work);
        }
        out.flush();
        return 0;
    }

    private OnnxTaggerSource tagger() {
        Map<String, String> env = new HashMap<>(System.getenv());
        if (models != null) {
            env.put("VITRINE_DATA", models.toAbsolutePath().getParent().toString()); // models live in $VITRINE_DATA/models
        }
        VitrineConfig config = ConfigLoader.load(env);
        return new OnnxTaggerSource(Models.modelStore(config), config.enrich().taggerModel(), config.enrich().inferenceThreads());
    }
}
