package io.vitrine.workflow;

import io.vitrine.db.Database;
import io.vitrine.db.TestDatabases;

class H2WorkflowRepositoryTest extends WorkflowRepositoryContract {
    @Override
    protected Database freshDatabase() {
        return TestDatabases.fresh("h2", 10);
    }
}
