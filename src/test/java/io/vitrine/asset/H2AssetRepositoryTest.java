package io.vitrine.asset;

import io.vitrine.db.Database;
import io.vitrine.db.TestDatabases;

class H2AssetRepositoryTest extends AssetRepositoryContract {
    @Override
    protected Database freshDatabase() {
        return TestDatabases.fresh("h2");
    }
}
