package io.vitrine.search.lucene;

import io.vitrine.search.AssetIndex;
import io.vitrine.search.IndexDocument;
import io.vitrine.search.SearchQuery;
import io.vitrine.search.SearchResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.AlreadyClosedException;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link AssetIndex} on an embedded Lucene index in one folder, owned by this process (Lucene's
 * {@code write.lock}; a second opener fails with "index at … is in use by another Vitrine
 * process"). Writes are visible to search after {@link #refresh()}, or on their own within the
 * refresh interval (default 500 ms); they are committed every commit interval (default 5 s) and on
 * {@link #close()}. Totals, {@link #count()} and {@link #ids()} reflect the last refresh.
 * {@link #rebuildAside()} builds a new index in {@code <dir>.rebuild} and swaps it in: searches
 * never stop, writes pause for the few milliseconds of the swap.
 */
public final class LuceneAssetIndex implements AssetIndex {

    private static final Logger LOG = LoggerFactory.getLogger(LuceneAssetIndex.class);
    public static final Duration DEFAULT_REFRESH = Duration.ofMillis(500);
    public static final Duration DEFAULT_COMMIT = Duration.ofSeconds(5);
    public static final Duration DEFAULT_QUERY_TIMEOUT = Duration.ofSeconds(3);
    public static final int DEFAULT_SEARCH_THREADS = Runtime.getRuntime().availableProcessors();

    private final Path dir;
    private final Analyzer analyzer;
    private final Duration refreshEvery;
    private final Duration commitEvery;
    private final Duration queryTimeout;
    private final SegmentThreads segmentThreads;
    private final DocumentMapper mapper;
    private final QueryRunner runner;
    private final boolean reset;
    private final boolean closedCleanly;
    private final AtomicBoolean closed = new AtomicBoolean();
    /** Writes hold the read side (they run in parallel); a swap holds the write side. */
    private final ReentrantReadWriteLock writes = new ReentrantReadWriteLock();
    private volatile IndexGeneration live;
    private volatile AsideRebuild aside;

    /** Opens (or creates) the index in {@code dir} with the default refresh and commit intervals. */
    public LuceneAssetIndex(Path dir) {
        this(dir, DEFAULT_REFRESH, DEFAULT_COMMIT);
    }

    /**
     * @param refreshEvery how soon writes become searchable without an explicit {@link #refresh()}
     * @param commitEvery how much index work a crash may lose at most
     */
    public LuceneAssetIndex(Path dir, Duration refreshEvery, Duration commitEvery) {
        this(dir, refreshEvery, commitEvery, DEFAULT_QUERY_TIMEOUT);
    }

    /** @param queryTimeout a search running longer is stopped ({@link io.vitrine.search.SearchTimeoutException}) */
    public LuceneAssetIndex(Path dir, Duration refreshEvery, Duration commitEvery, Duration queryTimeout) {
        this(dir, refreshEvery, commitEvery, queryTimeout, DEFAULT_SEARCH_THREADS);
    }

    /**
     * @param searchThreads how many threads one search may spread its segments over (1 = the
     *     caller's thread only); see {@link SegmentThreads}
     */
    public LuceneAssetIndex(Path dir, Duration refreshEvery, Duration commitEvery, Duration queryTimeout, int searchThreads) {
        this.dir = dir;
        this.segmentThreads = SegmentThreads.of(searchThreads);
        this.refreshEvery = refreshEvery;
        this.commitEvery = commitEvery;
        this.queryTimeout = queryTimeout;
        this.analyzer = Analyzers.perField();
        FacetsConfig facetsConfig = IndexSchema.facetsConfig();
        this.mapper = new DocumentMapper(facetsConfig);
        this.runner = new QueryRunner(analyzer, facetsConfig);
        this.live = IndexGeneration.open(dir, analyzer, refreshEvery, commitEvery);
        this.reset = live.reset;
        this.closedCleanly = live.closedCleanly;
        discardLeftoverRebuild();
    }

    /**
     * True when this index started empty because there was no index, or an index of another
     * schema version (or an unreadable one) was wiped: the caller must rebuild it from the
     * database.
     */
    public boolean wasReset() {
        return reset;
    }

    @Override
    public boolean closedCleanly() {
        return closedCleanly;
    }

    @Override
    public void upsert(IndexDocument doc) {
        var document = mapper.toDocument(doc); // validates the id before it becomes a term
        Term id = new Term(IndexSchema.ID, doc.id());
        write(doc.id(), w -> w.updateDocument(id, document));
    }

    @Override
    public void delete(String assetId) {
        DocumentMapper.requireId(assetId);
        Term id = new Term(IndexSchema.ID, assetId);
        write(assetId, w -> w.deleteDocuments(id));
    }

    @Override
    public void deleteAll() {
        write(null, IndexWriter::deleteAll);
    }

    private void write(String id, AsideRebuild.WriterAction action) {
        writes.readLock().lock();
        try {
            IndexGeneration g = live;
            io(() -> action.apply(g.writer));
            g.maintenance.markChanged();
            AsideRebuild a = aside;
            if (a != null) {
                a.liveWrite(id, action);
            }
        } finally {
            writes.readLock().unlock();
        }
    }

    @Override
    public void refresh() {
        io(() -> live.maintenance.refreshNow());
    }

    @Override
    public synchronized Rebuild rebuildAside() {
        if (aside != null) {
            throw new IllegalStateException("a rebuild of the index at " + dir + " is already running");
        }
        Path folder = AsideRebuild.folderFor(dir);
        io(() -> AsideRebuild.deleteTree(folder));
        IndexGeneration side = IndexGeneration.open(folder, analyzer, refreshEvery, commitEvery);
        aside = new AsideRebuild(side, mapper, this::swapIn, a -> aside = null);
        return aside;
    }

    /** Writes wait for the swap; searches go on against the old generation until the new one is live. */
    private void swapIn(AsideRebuild rebuild) {
        IndexGeneration old;
        writes.writeLock().lock();
        try {
            old = live;
            aside = null;
            rebuild.side().closeWriter();
            rebuild.side().closeReaders();
            old.closeWriter();
            Path retired = dir.resolveSibling(dir.getFileName() + ".old");
            AsideRebuild.deleteTree(retired);
            Files.move(dir, retired, StandardCopyOption.ATOMIC_MOVE);
            Files.move(rebuild.side().path, dir, StandardCopyOption.ATOMIC_MOVE);
            live = IndexGeneration.open(dir, analyzer, refreshEvery, commitEvery);
            io(() -> live.maintenance.refreshNow());
            old.closeReaders();
            AsideRebuild.deleteTree(retired);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot swap the rebuilt index into " + dir, e);
        } finally {
            writes.writeLock().unlock();
        }
    }

    /** A rebuild that a crash interrupted is useless: the next one starts over. */
    private void discardLeftoverRebuild() {
        for (Path p : new Path[] {AsideRebuild.folderFor(dir), dir.resolveSibling(dir.getFileName() + ".old")}) {
            try {
                AsideRebuild.deleteTree(p);
            } catch (IOException e) {
                LOG.warn("cannot remove leftover index folder {}", p, e);
            }
        }
    }

    @Override
    public SearchResult search(SearchQuery query) {
        return withSearcher(shared -> {
            // a searcher of its own, so the time budget is this query's and not every query's
            IndexSearcher searcher = segmentThreads.searcher(shared.getIndexReader());
            searcher.setTimeout(new org.apache.lucene.index.QueryTimeoutImpl(queryTimeout.toMillis()));
            SearchResult result = runner.run(searcher, query);
            if (searcher.timedOut()) {
                throw new io.vitrine.search.SearchTimeoutException(queryTimeout.toMillis());
            }
            return result;
        });
    }

    @Override
    public java.util.List<String> within(String space, float[] vector, float minSimilarity, String afterId, int limit) {
        return withSearcher(searcher -> SimilarityWalk.page(searcher, space, vector, minSimilarity, afterId, limit));
    }

    @Override
    public long count() {
        return withSearcher(searcher -> (long) searcher.getIndexReader().numDocs());
    }

    @Override
    public Set<String> ids() {
        return withSearcher(searcher -> Set.copyOf(values(searcher, false).keySet()));
    }

    @Override
    public Map<String, String> fingerprints() {
        return withSearcher(searcher -> values(searcher, true));
    }

    /** Commits pending changes (marked as a clean close) and releases the folder; later calls are no-ops. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        AsideRebuild a = aside;
        if (a != null) {
            a.close();
        }
        try {
            live.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close index cleanly", e);
        } finally {
            segmentThreads.close();
        }
    }

    /** Id → fingerprint (hex; "" when absent, or when not asked for) of every live document. */
    private static Map<String, String> values(IndexSearcher searcher, boolean fingerprints) throws IOException {
        Map<String, String> out = new HashMap<>();
        for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
            SortedDocValues ids = leaf.reader().getSortedDocValues(IndexSchema.ID);
            BinaryDocValues prints = fingerprints ? leaf.reader().getBinaryDocValues(IndexSchema.FINGERPRINT) : null;
            Bits liveDocs = leaf.reader().getLiveDocs();
            if (ids == null) {
                continue;
            }
            for (int doc = ids.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = ids.nextDoc()) {
                if (liveDocs == null || liveDocs.get(doc)) {
                    String print = "";
                    if (prints != null && prints.advanceExact(doc)) {
                        BytesRef b = prints.binaryValue();
                        print = HexFormat.of().formatHex(b.bytes, b.offset, b.offset + b.length);
                    }
                    out.put(ids.lookupOrd(ids.ordValue()).utf8ToString(), print);
                }
            }
        }
        return out;
    }

    /** A swap may close the searchers a caller just picked: it then retries on the new generation. */
    private <T> T withSearcher(SearcherAction<T> action) {
        for (int attempt = 0; ; attempt++) {
            SearcherManager searchers = live.searchers;
            IndexSearcher searcher;
            try {
                searcher = searchers.acquire();
            } catch (AlreadyClosedException e) {
                if (attempt < 3) {
                    continue;
                }
                throw e;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            try {
                return action.apply(searcher);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } finally {
                release(searchers, searcher);
            }
        }
    }

    private static void release(SearcherManager searchers, IndexSearcher searcher) {
        try {
            searchers.release(searcher);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void io(IoAction action) {
        try {
            action.run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @FunctionalInterface
    private interface IoAction {
        void run() throws IOException;
    }

    @FunctionalInterface
    private interface SearcherAction<T> {
        T apply(IndexSearcher searcher) throws IOException;
    }
}
