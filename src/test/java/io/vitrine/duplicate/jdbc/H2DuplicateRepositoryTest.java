package io.vitrine.duplicate.jdbc;

import io.vitrine.db.Database;
import io.vitrine.db.TestDatabases;

class H2DuplicateRepositoryTest extends DuplicateRepositoryContract {
    @Override
    protected Database freshDatabase() {
        return TestDatabases.fresh("h2");
    }
}
