package io.vitrine.rights;

import io.vitrine.db.Database;
import io.vitrine.db.TestDatabases;

class H2GovernanceRepositoryTest extends GovernanceRepositoryContract {
    @Override
    protected Database freshDatabase() {
        return TestDatabases.fresh("h2", 10);
    }
}
