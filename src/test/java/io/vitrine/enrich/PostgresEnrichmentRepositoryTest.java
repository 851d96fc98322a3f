package io.vitrine.enrich;

import io.vitrine.db.Database;
import io.vitrine.db.TestDatabases;

class PostgresEnrichmentRepositoryTest extends EnrichmentRepositoryContract {
    @Override
    protected Database freshDatabase() {
        return TestDatabases.fresh("postgres");
    }
}
