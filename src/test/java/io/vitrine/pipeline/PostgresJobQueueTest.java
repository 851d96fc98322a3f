package io.vitrine.pipeline;

import io.vitrine.db.Database;
import io.vitrine.db.TestDatabases;

class PostgresJobQueueTest extends JobQueueContract {
    @Override
    protected Database freshDatabase(int poolSize) {
        return TestDatabases.fresh("postgres", poolSize);
    }
}
