package io.vitrine.storage;

import io.vitrine.db.Database;
import io.vitrine.db.TestDatabases;

class H2BlobLocksTest extends BlobLocksContract {
    @Override
    protected Database freshDatabase(int poolSize) {
        return TestDatabases.fresh("h2", poolSize);
    }
}
