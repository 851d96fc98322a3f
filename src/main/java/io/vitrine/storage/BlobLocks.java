package io.vitrine.storage;

import java.io.IOException;

/**
 * Mutual exclusion per content hash, across every process that shares the database.
 *
 * <p>Contract: while {@code work} runs for a key, no other {@link #withLock} for the same key runs
 * anywhere; different keys do not wait for each other. {@code work} runs inside a database
 * transaction that repositories join, committed when it returns and rolled back when it throws.
 */
public interface BlobLocks {

    <T> T withLock(String sha256, Work<T> work) throws IOException;

    @FunctionalInterface
    interface Work<T> {
        T run() throws IOException;
    }
}
