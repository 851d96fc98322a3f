package io.vitrine.pipeline;

import java.time.Duration;

/** Lets an enqueue in this process wake idle workers at once instead of at their next poll. */
public final class WorkSignal {
    private final Object monitor = new Object();

    public void wake() {
        synchronized (monitor) {
            monitor.notifyAll();
        }
    }

    /** Waits up to {@code max}; returns false if interrupted. */
    boolean await(Duration max) {
        synchronized (monitor) {
            try {
                monitor.wait(max.toMillis());
                return true;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
    }
}
