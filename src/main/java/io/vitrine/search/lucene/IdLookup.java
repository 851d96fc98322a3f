package io.vitrine.search.lucene;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.search.IndexSearcher;

/**
 * Asset ids of top-level doc ids from the id doc values (column-stored, cheap), not from stored
 * fields, which decompress a whole block per document: fusing a thousand hits read a thousand blocks.
 */
final class IdLookup {
    private final List<LeafReaderContext> leaves;

    IdLookup(IndexSearcher searcher) {
        this.leaves = searcher.getIndexReader().leaves();
    }

    String of(int doc) {
        LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
        try {
            SortedDocValues ids = leaf.reader().getSortedDocValues(IndexSchema.ID);
            if (ids == null || !ids.advanceExact(doc - leaf.docBase)) {
                throw new IllegalStateException("document " + doc + " has no id");
            }
            return ids.lookupOrd(ids.ordValue()).utf8ToString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
