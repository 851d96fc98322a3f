package io.vitrine.storage;

import io.vitrine.db.Database;
import io.vitrine.db.TestDatabases;

class PostgresBlobLocksTest extends BlobLocksContract {
    @Override
    protected Database freshDatabase(int poolSize) {
        return TestDatabases.fresh("postgres", poolSize);
    }
}
