package io.vitrine.embed;

import io.vitrine.db.Database;
import io.vitrine.db.TestDatabases;

class H2EmbeddingRepositoryTest extends EmbeddingRepositoryContract {
    @Override
    protected Database freshDatabase() {
        return TestDatabases.fresh("h2");
    }
}
