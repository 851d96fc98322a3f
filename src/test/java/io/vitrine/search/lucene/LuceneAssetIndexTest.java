package io.vitrine.search.lucene;

import io.vitrine.search.AssetIndex;
import io.vitrine.search.AssetIndexContract;
import java.nio.file.Path;

class LuceneAssetIndexTest extends AssetIndexContract {

    @Override
    protected AssetIndex newIndex(Path dir) {
        return new LuceneAssetIndex(dir);
    }
}
