package io.vitrine.storage.jdbc;

import io.vitrine.db.jdbi.Handles;
import io.vitrine.storage.BlobLocks;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

/**
 * Row locks on {@code blob_locks}: the row is created once (outside the locking transaction, so a
 * unique-key race between two creators costs a retry, not an aborted transaction), then locked with
 * {@code SELECT … FOR UPDATE}, which H2 and PostgreSQL both honour.
 */
public final class JdbiBlobLocks implements BlobLocks {
    private final Handles db;

    public JdbiBlobLocks(Handles db) {
        this.db = db;
    }

    @Override
    public <T> T withLock(String sha256, Work<T> work) throws IOException {
        ensureRow(sha256);
        try {
            return db.inTransaction(() -> {
                db.with(h -> h.createQuery("select sha256 from blob_locks where sha256 = :s for update")
                        .bind("s", sha256).mapTo(String.class).one());
                try {
                    return work.run();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private void ensureRow(String sha256) {
        boolean present = db.with(h -> h.createQuery("select count(*) from blob_locks where sha256 = :s")
                .bind("s", sha256).mapTo(Long.class).one()) > 0;
        if (present) {
            return;
        }
        try {
            db.with(h -> h.createUpdate("insert into blob_locks (sha256) values (:s)").bind("s", sha256).execute());
        } catch (UnableToExecuteStatementException e) {
            // another node created it between our look and our insert: the row exists, which is all we need
            if (db.with(h -> h.createQuery("select count(*) from blob_locks where sha256 = :s")
                    .bind("s", sha256).mapTo(Long.class).one()) == 0) {
                throw e;
            }
        }
    }
}
