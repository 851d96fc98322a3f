package io.vitrine.auth;

import io.vitrine.db.Database;
import io.vitrine.db.TestDatabases;

class H2GroupRepositoryTest extends GroupRepositoryContract {
    @Override
    protected Database freshDatabase() {
        return TestDatabases.fresh("h2", 10);
    }
}
