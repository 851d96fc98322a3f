package io.vitrine.search.lucene;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.CorruptIndexException;
import org.apache.lucene.index.IndexFormatTooNewException;
import org.apache.lucene.index.IndexFileNames;
import org.apache.lucene.index.IndexFormatTooOldException;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.IndexWriterConfig.OpenMode;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.Lock;
import org.apache.lucene.store.LockObtainFailedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens the single writer of an index folder and makes sure the index it holds was written with
 * the current {@link IndexSchema#VERSION}. Anything else (another version, no version, an
 * unreadable or corrupt index) is wiped: the index is derived data, rebuilt from the database.
 */
final class WriterOpener {

    private static final Logger LOG = LoggerFactory.getLogger(WriterOpener.class);

    /**
     * The writer, whether it starts from an empty index the caller must rebuild, and whether the
     * index had been closed cleanly (else its last uncommitted seconds of changes are lost).
     */
    record Opened(IndexWriter writer, boolean reset, boolean closedCleanly) {}

    private WriterOpener() {}

    static Opened open(Path path, Directory dir, Analyzer analyzer) {
        try {
            IndexWriter writer = openWriter(path, dir, analyzer, OpenMode.CREATE_OR_APPEND);
            String found = userData(writer).get(IndexSchema.VERSION_KEY);
            if (IndexSchema.VERSION.equals(found)) {
                boolean clean = "true".equals(userData(writer).get(IndexSchema.CLEAN_KEY));
                stamp(writer, false);
                return new Opened(writer, false, clean);
            }
            if (found != null || writer.getDocStats().maxDoc > 0) {
                LOG.warn("Index at {} has schema version {} but this Vitrine writes {}: wiping it;"
                        + " it will be rebuilt from the database", path, found, IndexSchema.VERSION);
            } else {
                LOG.info("Creating a new index at {}", path);
            }
            writer.deleteAll();
            stamp(writer, false);
            return new Opened(writer, true, true);
        } catch (CorruptIndexException | IndexFormatTooOldException | IndexFormatTooNewException e) {
            LOG.warn("Index at {} is unreadable ({}): recreating it; it will be rebuilt from the"
                    + " database", path, e.toString());
            return recreate(path, dir, analyzer);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open index at " + path, e);
        }
    }

    private static Opened recreate(Path path, Directory dir, Analyzer analyzer) {
        try {
            deleteIndexFiles(path, dir);
            IndexWriter writer = openWriter(path, dir, analyzer, OpenMode.CREATE);
            stamp(writer, false);
            return new Opened(writer, true, true);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot recreate index at " + path, e);
        }
    }

    /**
     * Even OpenMode.CREATE reads the old commit and fails on it, so the files go first, under the
     * write lock. Only Lucene's own file names are deleted, in case the folder was mis-configured.
     */
    private static void deleteIndexFiles(Path path, Directory dir) throws IOException {
        try (Lock lock = dir.obtainLock(IndexWriter.WRITE_LOCK_NAME)) {
            for (String file : dir.listAll()) {
                if (file.startsWith(IndexFileNames.SEGMENTS)
                        || file.startsWith(IndexFileNames.PENDING_SEGMENTS)
                        || IndexFileNames.CODEC_FILE_PATTERN.matcher(file).matches()) {
                    dir.deleteFile(file);
                }
            }
        } catch (LockObtainFailedException e) {
            throw inUse(path, e);
        }
    }

    private static IllegalStateException inUse(Path path, LockObtainFailedException e) {
        return new IllegalStateException("index at " + path
                + " is in use by another Vitrine process (Lucene write.lock is held)", e);
    }

    private static IndexWriter openWriter(Path path, Directory dir, Analyzer analyzer, OpenMode mode)
            throws IOException {
        IndexWriterConfig config = new IndexWriterConfig(analyzer).setOpenMode(mode);
        // bulk rebuilds of 10k+ assets buffer in memory instead of flushing tiny segments
        config.setRAMBufferSizeMB(64);
        // separate files per format (no compound files): vectors, postings and doc values can be
        // measured and cached by the OS independently; the cost is a few more open files
        config.setUseCompoundFile(false);
        config.getMergePolicy().setNoCFSRatio(0.0);
        config.setCommitOnClose(true);
        try {
            return new IndexWriter(dir, config);
        } catch (LockObtainFailedException e) {
            throw inUse(path, e);
        }
    }

    private static Map<String, String> userData(IndexWriter writer) {
        Map<String, String> data = new HashMap<>();
        Iterable<Map.Entry<String, String>> live = writer.getLiveCommitData();
        if (live != null) {
            live.forEach(entry -> data.put(entry.getKey(), entry.getValue()));
        }
        return data;
    }

    /**
     * Every later commit of this writer carries the version and whether it is the commit of a
     * clean close; commit now, so that a crash from here on is seen as one at the next open.
     */
    static void stamp(IndexWriter writer, boolean clean) throws IOException {
        writer.setLiveCommitData(Map.of(IndexSchema.VERSION_KEY, IndexSchema.VERSION,
                IndexSchema.CLEAN_KEY, Boolean.toString(clean)).entrySet(), true);
        writer.commit();
    }
}
