package io.vitrine.search.lucene;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.MMapDirectory;
import org.apache.lucene.util.IOUtils;

/**
 * One index folder opened for writing and near-real-time search: its directory, its single
 * writer, the searcher manager over that writer, and the background refresh and commit.
 * {@link LuceneAssetIndex} serves one generation and swaps in another when a rebuild completes.
 */
final class IndexGeneration {
    final Path path;
    final Directory directory;
    final IndexWriter writer;
    final SearcherManager searchers;
    final IndexMaintenance maintenance;
    final boolean reset;
    final boolean closedCleanly;

    private IndexGeneration(Path path, Directory directory, WriterOpener.Opened opened, Duration refresh, Duration commit) {
        this.path = path;
        this.directory = directory;
        this.writer = opened.writer();
        this.reset = opened.reset();
        this.closedCleanly = opened.closedCleanly();
        this.searchers = openSearchers(writer, directory);
        this.maintenance = new IndexMaintenance(writer, searchers, refresh, commit);
    }

    static IndexGeneration open(Path path, Analyzer analyzer, Duration refresh, Duration commit) {
        Directory directory;
        try {
            directory = new MMapDirectory(path);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open index folder " + path, e);
        }
        try {
            return new IndexGeneration(path, directory, WriterOpener.open(path, directory, analyzer), refresh, commit);
        } catch (RuntimeException e) {
            IOUtils.closeWhileHandlingException(directory);
            throw e;
        }
    }

    /** Stops the background work and closes the writer with a last commit marked clean; searchers stay usable. */
    void closeWriter() throws IOException {
        maintenance.close();
        if (writer.isOpen()) {
            WriterOpener.stamp(writer, true);
            writer.close();
        }
    }

    /**
     * Closes everything, the searchers before the writer: the writer's last commit then deletes
     * the files of segments merged away, which it keeps while a reader of its own may use them.
     */
    void close() throws IOException {
        maintenance.close();
        searchers.close();
        closeWriter();
        directory.close();
    }

    /** Releases the searchers and the folder (after {@link #closeWriter()}). */
    void closeReaders() throws IOException {
        IOUtils.close(searchers, directory);
    }

    private static SearcherManager openSearchers(IndexWriter writer, Directory directory) {
        try {
            return new SearcherManager(writer, null);
        } catch (IOException e) {
            IOUtils.closeWhileHandlingException(writer, directory);
            throw new UncheckedIOException(e);
        }
    }
}
