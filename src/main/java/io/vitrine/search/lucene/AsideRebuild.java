package io.vitrine.search.lucene;

import io.vitrine.search.AssetIndex;
import io.vitrine.search.IndexDocument;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Consumer;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.Term;
import org.apache.lucene.util.IOUtils;

/**
 * A fresh index built in a sibling folder ({@code <index>.rebuild}) while the live one serves.
 * Live writes made meanwhile are applied here too, and win over the build's copy of the same
 * asset: the build read the database before that write (or the write's job will run again after
 * any later change), so its copy is never newer. Both paths hold this object's monitor, so a
 * build add cannot slip between a live write's check and its write.
 */
final class AsideRebuild implements AssetIndex.Rebuild {
    private final IndexGeneration side;
    private final DocumentMapper mapper;
    private final Consumer<AsideRebuild> onSwap;
    private final Consumer<AsideRebuild> onClose;
    private final Set<String> writtenLive = new HashSet<>();
    private boolean swapped;

    AsideRebuild(IndexGeneration side, DocumentMapper mapper, Consumer<AsideRebuild> onSwap, Consumer<AsideRebuild> onClose) {
        this.side = side;
        this.mapper = mapper;
        this.onSwap = onSwap;
        this.onClose = onClose;
    }

    static Path folderFor(Path live) {
        return live.resolveSibling(live.getFileName() + ".rebuild");
    }

    IndexGeneration side() {
        return side;
    }

    @Override
    public synchronized void add(IndexDocument doc) {
        if (!writtenLive.contains(doc.id())) {
            var document = mapper.toDocument(doc);
            io(() -> side.writer.updateDocument(new Term(IndexSchema.ID, doc.id()), document));
        }
    }

    /** A write the live index took during the build, replayed here. */
    synchronized void liveWrite(String id, WriterAction action) {
        if (id != null) {
            writtenLive.add(id);
        }
        io(() -> action.apply(side.writer));
    }

    @Override
    public void swap() {
        onSwap.accept(this);
        swapped = true;
    }

    @Override
    public void close() {
        onClose.accept(this);
        if (!swapped) {
            try {
                side.closeWriter();
                side.closeReaders();
                deleteTree(side.path);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot discard rebuild at " + side.path, e);
            }
        }
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var files = Files.walk(dir)) {
            for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    private static void io(WriterAction.Io action) {
        try {
            action.run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @FunctionalInterface
    interface WriterAction {
        void apply(IndexWriter writer) throws IOException;

        @FunctionalInterface
        interface Io {
            void run() throws IOException;
        }
    }
}
