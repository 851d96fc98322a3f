package io.vitrine.auth;

import io.vitrine.db.Database;
import io.vitrine.db.TestDatabases;

class PostgresGroupRepositoryTest extends GroupRepositoryContract {
    @Override
    protected Database freshDatabase() {
        return TestDatabases.fresh("postgres", 10);
    }
}
