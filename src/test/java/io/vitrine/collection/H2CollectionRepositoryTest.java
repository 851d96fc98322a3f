package io.vitrine.collection;

import io.vitrine.db.Database;
import io.vitrine.db.TestDatabases;

class H2CollectionRepositoryTest extends CollectionRepositoryContract {
    @Override
    protected Database freshDatabase() {
        return TestDatabases.fresh("h2");
    }
}
