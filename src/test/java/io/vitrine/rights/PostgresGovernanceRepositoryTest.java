package io.vitrine.rights;

import io.vitrine.db.Database;
import io.vitrine.db.TestDatabases;

class PostgresGovernanceRepositoryTest extends GovernanceRepositoryContract {
    @Override
    protected Database freshDatabase() {
        return TestDatabases.fresh("postgres", 10);
    }
}
