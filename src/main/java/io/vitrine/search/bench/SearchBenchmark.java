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

    private final PrintWriter out;

    public SearchBenchmark(PrintWriter out) {
        this.out = out;
    }

    public void run(Function<Path, AssetIndex> openIndex, Path dir, long assets) throws IOException {
        SyntheticLibrary library = new SyntheticLibrary();
        try (AssetIndex index = openIndex.apply(dir)) {
            build(index, library, assets, dir);
            measure(index, "keyword", r -> keyword(library, r));
            measure(index, "keyword + filters", r -> filtered(library, r));
            measure(index, "browse newest", r -> browse(r));
        }
    }

    private void build(AssetIndex index, SyntheticLibrary library, long assets, Path dir) throws IOException {
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
        long bytes = sizeOf(dir);
        out.printf("build: %,d assets in %.1f s (%,.0f assets/s); index %,.1f MiB on disk, %,.0f bytes per asset%n",
                assets, seconds, assets / seconds, bytes / 1048576.0, bytes / (double) assets);
    }

    private void measure(AssetIndex index, String name, Function<SplittableRandom, SearchQuery> queries) {
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
        return new SearchQuery(library.query(r), Map.of(), null, null, SearchQuery.SortOrder.RELEVANCE, 50, null);
    }

    private static SearchQuery filtered(SyntheticLibrary library, SplittableRandom r) {
        Map<Facet, List<String>> filters = Map.of(Facet.MEDIA_TYPE, List.of("image"),
                Facet.YEAR, List.of(Integer.toString(2018 + r.nextInt(9))));
        return new SearchQuery(library.query(r), filters, null, null, SearchQuery.SortOrder.RELEVANCE, 50, null);
    }

    private static SearchQuery browse(SplittableRandom r) {
        Map<Facet, List<String>> filters = r.nextBoolean() ? Map.of() : Map.of(Facet.STATUS, List.of("ready"));
        return new SearchQuery(null, filters, null, null, SearchQuery.SortOrder.DATE_DESC, 100, null);
    }

    private static double pct(double[] sorted, int p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
    }

    private static long sizeOf(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }
    }
}
