package io.vitrine.cli;

import io.vitrine.Vitrine;
import io.vitrine.asset.Asset;
import io.vitrine.asset.Rendition;
import io.vitrine.config.ConfigLoader;
import io.vitrine.enrich.EnrichmentSteps;
import io.vitrine.enrich.Tag;
import io.vitrine.enrich.Tagger;
import io.vitrine.enrich.Vocabulary;
import io.vitrine.ingest.DuplicatePolicy;
import io.vitrine.storage.BlobStore;
import io.vitrine.storage.FileTrees;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * Enrichment speed and tag quality: images/s of each step through the pipeline, the tag step vs raw
 * model inference (preprocess + run) on the same preview files, resident memory of the loaded
 * model, and tag precision on a folder with {@code labels.tsv} (file, label).
 */
@Command(name = "enrich", description = "Enrichment images/s per model, pipeline overhead vs raw inference, model memory, tag precision.")
final class BenchEnrich implements Callable<Integer> {
    @CommandLine.Mixin
    ModelBenchOptions options;

    @Parameters(arity = "0..1", paramLabel = "DIR", description = "images, optionally with labels.tsv (default: ../shared/corpus/labeled/gcompris-animals)")
    Path dir = Path.of("../shared/corpus/labeled/gcompris-animals");

    @Override
    public Integer call() throws Exception {
        PrintWriter out = options.out();
        Path source = options.modelsDir();
        Map<String, String> env = options.env();
        Path data = Files.createTempDirectory("vitrine-bench-enrich");
        env.put("VITRINE_DATA", data.toString());
        env.remove("VITRINE_DB_URL");
        env.put("VITRINE_ADMIN_TOKEN", "bench");
        try (Vitrine v = new Vitrine(ConfigLoader.load(env)).startWorkers()) {
            List<Path> files = BenchCommand.images(dir);
            v.folderImport().run(dir, files, 2, DuplicatePolicy.ALLOW, r -> { });
            while (v.jobs().due(Instant.now()) > 0) {
                Thread.sleep(Duration.ofMillis(50));
            }
            List<Asset> assets = new ArrayList<>();
            v.assets().forEachLive(a -> assets.add(a));
            assets.removeIf(a -> preview(a) == null);
            copyModel(source, v.config().modelsDir(), v.config().enrich().taggerModel());
            long rss = rssKiB();
            Tagger tagger = v.tagger().tagger().orElseThrow(() -> new IllegalStateException(
                    "no tagger model installed in " + source + "; run `vitrine models pull " + v.config().enrich().taggerModel() + "`"));
            out.printf("model %s %s loaded: +%.1f MiB resident%n", tagger.model(), tagger.modelVersion(), (rssKiB() - rss) / 1024.0);
            measure(v, tagger, assets, out);
            precision(v, assets, out);
        } finally {
            FileTrees.delete(data);
        }
        out.flush();
        return 0;
    }

    private void measure(Vitrine v, Tagger tagger, List<Asset> assets, PrintWriter out) throws Exception {
        EnrichmentSteps steps = v.enrichmentSteps();
        tagger.tag(List.of(localCopy(v, preview(assets.getFirst())))); // warm-up
        double tags = time(assets, a -> steps.tags(a.id(), true));
        double palette = time(assets, a -> steps.palette(a.id(), true));
        double quality = time(assets, a -> steps.quality(a.id(), true));
        List<Path> previews = new ArrayList<>();
        for (Asset a : assets) {
            previews.add(localCopy(v, preview(a)));
        }
        long t0 = System.nanoTime();
        for (Path p : previews) {
            tagger.tag(List.of(p));
        }
        double raw = (System.nanoTime() - t0) / 1e9;
        long t1 = System.nanoTime();
        tagger.tag(previews.subList(0, Math.min(8, previews.size())));
        double batch8 = (System.nanoTime() - t1) / 1e9 / Math.min(8, previews.size());
        int n = assets.size();
        out.printf("%d images, 1 thread each step%n", n);
        out.printf("tags    (pipeline step): %.1f images/s%n", n / tags);
        out.printf("tags    (raw preprocess + inference, same previews): %.1f images/s; batch of 8: %.1f images/s%n", n / raw, 1 / batch8);
        out.printf("pipeline overhead of the tag step vs raw: %+.0f%% (target <= 30%%)%n", 100 * (tags / raw - 1));
        out.printf("palette (pipeline step): %.1f images/s%n", n / palette);
        out.printf("quality (pipeline step): %.1f images/s%n", n / quality);
        out.printf("all three steps: %.1f images/s%n", n / (tags + palette + quality));
    }

    @FunctionalInterface
    private interface Step {
        void run(Asset a) throws Exception;
    }

    private static double time(List<Asset> assets, Step step) throws Exception {
        long t = System.nanoTime();
        for (Asset a : assets) {
            step.run(a);
        }
        return (System.nanoTime() - t) / 1e9;
    }

    private void precision(Vitrine v, List<Asset> assets, PrintWriter out) throws Exception {
        Path labels = dir.resolve("labels.tsv");
        if (!Files.isRegularFile(labels)) {
            out.println("no labels.tsv in " + dir + ": precision not measured");
            return;
        }
        Map<String, String> byFile = new HashMap<>();
        Files.readAllLines(labels).stream().skip(1).map(l -> l.split("\t")).filter(r -> r.length > 1)
                .forEach(r -> byFile.put(Path.of(r[0]).getFileName().toString(), r[1]));
        Vocabulary vocab = v.enrichment().vocabulary();
        int tags = 0;
        int correct = 0;
        int evaluable = 0;
        int top1 = 0;
        for (Asset a : assets) {
            String concept = concept(vocab, byFile.get(Path.of(a.filename()).getFileName().toString()));
            if (concept == null) {
                continue;
            }
            evaluable++;
            List<Tag> shown = v.enrichment().of(a.id()).tags();
            for (int i = 0; i < shown.size(); i++) {
                boolean ok = related(vocab, shown.get(i).concept(), concept);
                tags++;
                correct += ok ? 1 : 0;
                top1 += ok && i == 0 ? 1 : 0;
            }
        }
        out.printf("precision at the default threshold: %d of %d tags right (%.0f%%) on %d labelled images whose label is a vocabulary concept; top tag right on %d%n",
                correct, tags, tags == 0 ? 0.0 : 100.0 * correct / tags, evaluable, top1);
    }

    /** A label names a concept when it equals its id or English label (plural and underscores tolerated). */
    private static String concept(Vocabulary vocab, String label) {
        if (label == null) {
            return null;
        }
        String l = label.toLowerCase(Locale.ROOT).replace('_', ' ').strip();
        for (String candidate : List.of(l, l.replaceAll("s$", ""), l.replaceAll("es$", ""))) {
            String id = candidate.replace(' ', '_');
            if (vocab.concept(id).isPresent()) {
                return id;
            }
        }
        return null;
    }

    private static boolean related(Vocabulary vocab, String tag, String label) {
        return vocab.lineage(tag).contains(label) || vocab.lineage(label).contains(tag);
    }

    private static Rendition preview(Asset a) {
        return a.renditions().stream().filter(r -> r.name().equals("preview")).findFirst().orElse(null);
    }

    private static Path localCopy(Vitrine v, Rendition r) throws Exception {
        Path tmp = Files.createTempFile("bench-preview", ".jpg");
        try (BlobStore.LocalFile f = v.blobs().localFile(r.sha256())) {
            Files.copy(f.path(), tmp, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        tmp.toFile().deleteOnExit();
        return tmp;
    }

    private static void copyModel(Path from, Path to, String name) throws Exception {
        Path src = from.resolve(name);
        if (!Files.isDirectory(src)) {
            return;
        }
        Files.createDirectories(to.resolve(name));
        try (var files = Files.list(src)) {
            for (Path f : files.toList()) {
                Files.copy(f, to.resolve(name).resolve(f.getFileName()));
            }
        }
    }

    private static long rssKiB() throws Exception {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", ""));
            }
        }
        return 0;
    }
}
