package io.vitrine.analytics;

import io.vitrine.db.Database;
import io.vitrine.db.TestDatabases;

class PostgresSearchLogTest extends SearchLogContract {
    @Override
    protected Database freshDatabase() {
        return TestDatabases.fresh("postgres");
    }
}
