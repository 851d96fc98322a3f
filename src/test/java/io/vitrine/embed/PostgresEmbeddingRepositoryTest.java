package io.vitrine.embed;

import io.vitrine.db.Database;
import io.vitrine.db.TestDatabases;

class PostgresEmbeddingRepositoryTest extends EmbeddingRepositoryContract {
    @Override
    protected Database freshDatabase() {
        return TestDatabases.fresh("postgres");
    }
}
