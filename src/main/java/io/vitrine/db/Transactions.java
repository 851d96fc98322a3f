package io.vitrine.db;

import java.util.function.Supplier;

/**
 * Runs work atomically across repositories. Repositories called inside {@link #inTransaction} on
 * the same thread join the transaction; nested calls join the outer one.
 */
public interface Transactions {

    <T> T inTransaction(Supplier<T> work);

    default void run(Runnable work) {
        inTransaction(() -> {
            work.run();
            return null;
        });
    }
}
