package io.vitrine.enrich;

import io.vitrine.db.Database;
import io.vitrine.db.TestDatabases;

class H2EnrichmentRepositoryTest extends EnrichmentRepositoryContract {
    @Override
    protected Database freshDatabase() {
        return TestDatabases.fresh("h2");
    }
}
