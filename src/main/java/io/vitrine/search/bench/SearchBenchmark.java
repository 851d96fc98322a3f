package io.vitrine.search.bench;

import io.vitrine.search.AssetIndex;
import io.vitrine.search.Facet;
import io.vitrine.search.SearchQuery;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Builds an index of a synthetic library and measures build rate, size on disk and query latency
 * percentiles for the query shapes a DAM serves most: free text, free text with facet filters, and
 * browsing (no text, newest first) — each with facet counts, as the search page asks for them.
 */
public final class SearchBenchmark {
    private static final int WARMUP = 300;
    private static final int QUERIES = 2000;
    static final double TARGET_P95_MS = 50;
    static final String BUILT_MARKER = "bench-built.txt";

    private final PrintWriter out;
    private final java.util.function.Predicate<String> shapes;

    public SearchBenchmark(PrintWriter out) {
        this(out, shape -> true);
    }

    /** @param shapes which query shapes to measure (their printed names, e.g. "hybrid + filters") */
    public SearchBenchmark(PrintWriter out, java.util.function.Predicate<String> shapes) {
        this.out = out;
        this.shapes = shapes;
    }

    public void run(Function<Path, AssetIndex> openIndex, Path dir, long assets, int dimensions) throws IOException {
        SyntheticLibrary library = new SyntheticLibrary(dimensions);
        Path built = dir.resolve(BUILT_MARKER);
        String shape = assets + " assets, " + dimensions + " dimensions";
        if (Files.exists(built) && Files.readString(built).equals(shape)) {
            // the synthetic library is deterministic: the same shape is the same index, so measure it again
            out.printf("build: reusing the index in %s (%s)%n", dir, shape);
        } else {
            Files.deleteIfExists(built);
            try (AssetIndex building = openIndex.apply(dir)) {
                build(building, library, assets);
            }
            Files.writeString(built, shape);
        }
        // measured after a clean close: files of segments merged away are gone by then
        reportSize(library, assets, dir);
        try (AssetIndex index = openIndex.apply(dir)) {
            measure(index, "keyword", r -> keyword(library, r));
            measure(index, "keyword + filters", r -> filtered(library, r));
            measure(index, "browse newest", r -> browse(r));
            if (dimensions > 0) {
                measure(index, "vector (k=100)", r -> vector(library, r, null));
                // the hybrid's filtered neighbour search alone: tells the kNN's share of the hybrid cost
                measure(index, "vector + filters", r -> vector(library, r, filters(r)));
                measure(index, "hybrid + filters", r -> vector(library, r, filtered(library, r)));
                if (shapes.test("recall")) {
                    new RecallCheck(out).run(index, library, assets);
                }
            }
        }
    }

    private static SearchQuery vector(SyntheticLibrary library, SplittableRandom r, SearchQuery text) {
        SearchQuery base = text != null ? text
                : new SearchQuery(null, Map.of(), null, null, SearchQuery.SortOrder.RELEVANCE, 50, null);
        return base.withHybrid(new SearchQuery.Hybrid(List.of(new SearchQuery.Vector(SyntheticLibrary.SPACE,
                library.queryVector(r), RecallCheck.K_SEARCH, 1f)), 1f, SearchQuery.Hybrid.DEFAULT_RRF_K, false));
    }

    private void build(AssetIndex index, SyntheticLibrary library, long assets) {
        long started = System.nanoTime();
        for (long n = 0; n < assets; n++) {
            index.upsert(library.document(n));
            if ((n + 1) % 100_000 == 0) {
                out.printf("  indexed %,d%n", n + 1);
                out.flush();
            }
        }
        index.refresh();
        double seconds = (System.nanoTime() - started) / 1e9;
        out.printf("build: %,d assets in %.1f s (%,.0f assets/s)%n", assets, seconds, assets / seconds);
    }

    private void reportSize(SyntheticLibrary library, long assets, Path dir) throws IOException {
        long bytes = sizeOf(dir);
        out.printf("index %,.1f MiB on disk, %,.0f bytes per asset%n", bytes / 1048576.0, bytes / (double) assets);
        if (library.dimensions() > 0) {
            long vectorBytes = sizeOf(dir, "Vectors");
            out.printf("vectors: %d-d int8 + HNSW graph, %,.0f bytes per vector on disk (target ≤ 600 for 512-d)%n",
                    library.dimensions(), vectorBytes / (double) assets);
        }
        out.printf("bytes per asset by file type: %s%n", byExtension(dir, assets));
    }

    /** Where the bytes go (postings .doc/.pos/.tim, doc values .dvd, stored .fdt, vectors .vec/.vex): sizes regress per part. */
    private static String byExtension(Path dir, long assets) throws IOException {
        java.util.TreeMap<String, Long> sizes = new java.util.TreeMap<>();
        try (Stream<Path> files = Files.walk(dir)) {
            files.filter(Files::isRegularFile).forEach(p -> {
                String name = p.getFileName().toString();
                int dot = name.lastIndexOf('.');
                sizes.merge(dot < 0 ? name : name.substring(dot + 1), p.toFile().length(), Long::sum);
            });
        }
        StringBuilder b = new StringBuilder();
        sizes.forEach((ext, bytes) -> {
            if (bytes / (double) assets >= 1) {
                b.append(String.format("%s %,.0f  ", ext, bytes / (double) assets));
            }
        });
        return b.toString().trim();
    }

    private void measure(AssetIndex index, String name, Function<SplittableRandom, SearchQuery> queries) {
        if (!shapes.test(name)) {
            return;
        }
        SplittableRandom r = new SplittableRandom(42);
        for (int i = 0; i < WARMUP; i++) {
            index.search(queries.apply(r));
        }
        double[] ms = new double[QUERIES];
        long hits = 0;
        for (int i = 0; i < QUERIES; i++) {
            SearchQuery q = queries.apply(r);
            long t = System.nanoTime();
            hits += index.search(q).total();
            ms[i] = (System.nanoTime() - t) / 1e6;
        }
        Arrays.sort(ms);
        double p95 = pct(ms, 95);
        out.printf("%-18s p50 %6.2f ms  p95 %6.2f ms  p99 %6.2f ms  (mean hits %,d; p95/target %.0f ms = %.2f×)%n",
                name, pct(ms, 50), p95, pct(ms, 99), hits / QUERIES, TARGET_P95_MS, p95 / TARGET_P95_MS);
        out.flush();
    }

    private static SearchQuery keyword(SyntheticLibrary library, SplittableRandom r) {
        // as SearchService sends it: the query's language adds the language-field match
        return new SearchQuery(library.query(r), Map.of(), null, null, SearchQuery.SortOrder.RELEVANCE, 50, null).withLanguage("en");
    }

    private static SearchQuery filtered(SyntheticLibrary library, SplittableRandom r) {
        return new SearchQuery(library.query(r), imagesOfOneYear(r), null, null, SearchQuery.SortOrder.RELEVANCE, 50, null)
                .withLanguage("en");
    }

    /** About 7 % of the library: selective enough that the filtered neighbour search takes its exact path. */
    private static Map<Facet, List<String>> imagesOfOneYear(SplittableRandom r) {
        return Map.of(Facet.MEDIA_TYPE, List.of("image"), Facet.YEAR, List.of(Integer.toString(2018 + r.nextInt(9))));
    }

    /** The hybrid shape's filters without its words. */
    private static SearchQuery filters(SplittableRandom r) {
        return new SearchQuery(null, imagesOfOneYear(r), null, null, SearchQuery.SortOrder.RELEVANCE, 50, null);
    }

    private static SearchQuery browse(SplittableRandom r) {
        Map<Facet, List<String>> filters = r.nextBoolean() ? Map.of() : Map.of(Facet.STATUS, List.of("ready"));
        return new SearchQuery(null, filters, null, null, SearchQuery.SortOrder.DATE_DESC, 100, null);
    }

    private static double pct(double[] sorted, int p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
    }

    private static long sizeOf(Path dir) throws IOException {
        return sizeOf(dir, "");
    }

    /** Bytes of the index files whose name contains {@code part} (per-field vector files carry their format's name). */
    private static long sizeOf(Path dir, String part) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).filter(p -> p.getFileName().toString().contains(part))
                    .mapToLong(p -> p.toFile().length()).sum();
        }
    }
}
