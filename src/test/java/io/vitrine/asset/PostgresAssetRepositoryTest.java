package io.vitrine.asset;

import io.vitrine.db.Database;
import io.vitrine.db.TestDatabases;

class PostgresAssetRepositoryTest extends AssetRepositoryContract {
    @Override
    protected Database freshDatabase() {
        return TestDatabases.fresh("postgres");
    }
}
