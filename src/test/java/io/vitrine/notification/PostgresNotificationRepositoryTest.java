package io.vitrine.notification;

import io.vitrine.db.Database;
import io.vitrine.db.TestDatabases;

class PostgresNotificationRepositoryTest extends NotificationRepositoryContract {
    @Override
    protected Database freshDatabase() {
        return TestDatabases.fresh("postgres", 10);
    }
}
