package io.vitrine.webhooks;

import io.vitrine.db.Database;
import io.vitrine.db.TestDatabases;

class PostgresWebhookStoreTest extends WebhookStoreContract {
    @Override
    protected Database freshDatabase() {
        return TestDatabases.fresh("postgres");
    }
}
