package io.vitrine.notification;

import io.vitrine.db.Database;
import io.vitrine.db.TestDatabases;

class H2NotificationRepositoryTest extends NotificationRepositoryContract {
    @Override
    protected Database freshDatabase() {
        return TestDatabases.fresh("h2", 10);
    }
}
