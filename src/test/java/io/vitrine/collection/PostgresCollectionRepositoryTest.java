package io.vitrine.collection;

import io.vitrine.db.Database;
import io.vitrine.db.TestDatabases;

class PostgresCollectionRepositoryTest extends CollectionRepositoryContract {
    @Override
    protected Database freshDatabase() {
        return TestDatabases.fresh("postgres");
    }
}
