package io.vitrine.search.lucene;

import io.vitrine.search.AssetIndex;
import io.vitrine.search.HybridSearchContract;
import java.nio.file.Path;

class LuceneHybridSearchTest extends HybridSearchContract {
    @Override
    protected AssetIndex newIndex(Path dir) {
        return new LuceneAssetIndex(dir);
    }
}
