package io.vitrine.duplicate.jdbc;

import io.vitrine.db.Database;
import io.vitrine.db.TestDatabases;

class PostgresDuplicateRepositoryTest extends DuplicateRepositoryContract {
    @Override
    protected Database freshDatabase() {
        return TestDatabases.fresh("postgres");
    }
}
