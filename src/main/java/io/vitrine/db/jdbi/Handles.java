package io.vitrine.db.jdbi;

import io.vitrine.db.Transactions;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * The JDBI side of {@link Transactions}: a handle bound to the current thread while a transaction
 * runs, so separate repositories share it.
 */
public final class Handles implements Transactions {
    private final Jdbi jdbi;
    private final ThreadLocal<Handle> bound = new ThreadLocal<>();

    public Handles(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    public <T> T with(Function<Handle, T> work) {
        Handle h = bound.get();
        return h != null ? work.apply(h) : jdbi.withHandle(work::apply);
    }

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        if (bound.get() != null) {
            return work.get();
        }
        return jdbi.inTransaction(h -> {
            bound.set(h);
            try {
                return work.get();
            } finally {
                bound.remove();
            }
        });
    }

    public Jdbi jdbi() {
        return jdbi;
    }
}
