package io.vitrine.concept;

import io.vitrine.db.Database;
import io.vitrine.db.TestDatabases;

class H2ConceptRepositoryTest extends ConceptRepositoryContract {
    @Override
    protected Database freshDatabase() {
        return TestDatabases.fresh("h2");
    }
}
