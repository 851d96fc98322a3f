package io.vitrine.search.lucene;

import io.vitrine.search.AssetIndex;
import io.vitrine.search.IndexDocument;
import io.vitrine.search.SearchQuery;
import io.vitrine.search.SearchResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.MMapDirectory;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.IOUtils;

/**
 * {@link AssetIndex} on an embedded Lucene index in one folder, owned by this process (Lucene's
 * {@code write.lock}; a second opener fails with "index at … is in use by another Vitrine
 * process"). Writes are visible to search after {@link #refresh()}, or on their own within the
 * refresh interval (default 500 ms); they are committed every commit interval (default 5 s) and on
 * {@link #close()}. Totals, {@link #count()} and {@link #ids()} reflect the last refresh.
 */
public final class LuceneAssetIndex implements AssetIndex {

    static final Duration DEFAULT_REFRESH = Duration.ofMillis(500);
    static final Duration DEFAULT_COMMIT = Duration.ofSeconds(5);

    private final Directory directory;
    private final IndexWriter writer;
    private final boolean reset;
    private final SearcherManager searchers;
    private final IndexMaintenance maintenance;
    private final DocumentMapper mapper;
    private final QueryRunner runner;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final Duration queryTimeout;
    static final Duration DEFAULT_QUERY_TIMEOUT = Duration.ofSeconds(3);

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
        this.queryTimeout = queryTimeout;
        Analyzer analyzer = Analyzers.perField();
        FacetsConfig facetsConfig = IndexSchema.facetsConfig();
        this.mapper = new DocumentMapper(facetsConfig);
        this.runner = new QueryRunner(analyzer, facetsConfig);
        this.directory = openDirectory(dir);
        WriterOpener.Opened opened;
        try {
            opened = WriterOpener.open(dir, directory, analyzer);
        } catch (RuntimeException e) {
            IOUtils.closeWhileHandlingException(directory);
            throw e;
        }
        this.writer = opened.writer();
        this.reset = opened.reset();
        this.searchers = openSearchers(writer, directory);
        this.maintenance = new IndexMaintenance(writer, searchers, refreshEvery, commitEvery);
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
    public void upsert(IndexDocument doc) {
        var document = mapper.toDocument(doc); // validates the id before it becomes a term
        io(() -> writer.updateDocument(new Term(IndexSchema.ID, doc.id()), document));
        maintenance.markChanged();
    }

    @Override
    public void delete(String assetId) {
        DocumentMapper.requireId(assetId);
        io(() -> writer.deleteDocuments(new Term(IndexSchema.ID, assetId)));
        maintenance.markChanged();
    }

    @Override
    public void deleteAll() {
        io(writer::deleteAll);
        maintenance.markChanged();
    }

    @Override
    public void refresh() {
        io(maintenance::refreshNow);
    }

    @Override
    public SearchResult search(SearchQuery query) {
        return withSearcher(shared -> {
            // a searcher of its own, so the time budget is this query's and not every query's
            IndexSearcher searcher = new IndexSearcher(shared.getIndexReader());
            searcher.setTimeout(new org.apache.lucene.index.QueryTimeoutImpl(queryTimeout.toMillis()));
            SearchResult result = runner.run(searcher, query);
            if (searcher.timedOut()) {
                throw new io.vitrine.search.SearchTimeoutException(queryTimeout.toMillis());
            }
            return result;
        });
    }

    @Override
    public long count() {
        return withSearcher(searcher -> (long) searcher.getIndexReader().numDocs());
    }

    @Override
    public Set<String> ids() {
        return withSearcher(LuceneAssetIndex::allIds);
    }

    /** Commits pending changes and releases the folder; later calls are no-ops. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        maintenance.close();
        try {
            IOUtils.close(searchers, writer, directory); // the writer commits on close
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close index cleanly", e);
        }
    }

    private static Set<String> allIds(IndexSearcher searcher) throws IOException {
        Set<String> ids = new HashSet<>();
        for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
            SortedDocValues values = leaf.reader().getSortedDocValues(IndexSchema.ID);
            Bits live = leaf.reader().getLiveDocs();
            if (values == null) {
                continue;
            }
            for (int doc = values.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = values.nextDoc()) {
                if (live == null || live.get(doc)) {
                    ids.add(values.lookupOrd(values.ordValue()).utf8ToString());
                }
            }
        }
        return ids;
    }

    private <T> T withSearcher(SearcherAction<T> action) {
        try {
            IndexSearcher searcher = searchers.acquire();
            try {
                return action.apply(searcher);
            } finally {
                searchers.release(searcher);
            }
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

    private static Directory openDirectory(Path dir) {
        try {
            return new MMapDirectory(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open index folder " + dir, e);
        }
    }

    private static SearcherManager openSearchers(IndexWriter writer, Directory directory) {
        try {
            return new SearcherManager(writer, null);
        } catch (IOException e) {
            IOUtils.closeWhileHandlingException(writer, directory);
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
