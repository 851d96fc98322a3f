package io.vitrine.db.jdbi;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.function.Consumer;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

/** Column conversions that behave the same on H2 and PostgreSQL. */
public final class Sql {
    private Sql() {}

    public static OffsetDateTime ts(Instant i) {
        return i == null ? null : OffsetDateTime.ofInstant(i, ZoneOffset.UTC);
    }

    public static Instant instant(ResultSet rs, String col) throws SQLException {
        OffsetDateTime t = rs.getObject(col, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    public static Integer integer(ResultSet rs, String col) throws SQLException {
        int v = rs.getInt(col);
        return rs.wasNull() ? null : v;
    }

    /**
     * Runs {@code insert} under a savepoint; false when a row with the same key exists (a concurrent
     * writer won the insert: the caller updates that row instead). The savepoint keeps the transaction
     * usable after the unique violation, which PostgreSQL would otherwise abort. Needs a transaction.
     */
    public static boolean insertUnlessTaken(Handle h, String savepoint, Consumer<Handle> insert) {
        h.savepoint(savepoint);
        try {
            insert.accept(h);
            h.releaseSavepoint(savepoint);
            return true;
        } catch (UnableToExecuteStatementException e) {
            if (!uniqueViolation(e)) {
                throw e;
            }
            h.rollbackToSavepoint(savepoint);
            return false;
        }
    }

    /** SQLSTATE 23505 (unique violation) on both H2 and PostgreSQL. */
    static boolean uniqueViolation(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && "23505".equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
