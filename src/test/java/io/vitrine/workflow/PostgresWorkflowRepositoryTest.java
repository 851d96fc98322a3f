package io.vitrine.workflow;

import io.vitrine.db.Database;
import io.vitrine.db.TestDatabases;

class PostgresWorkflowRepositoryTest extends WorkflowRepositoryContract {
    @Override
    protected Database freshDatabase() {
        return TestDatabases.fresh("postgres", 10);
    }
}
