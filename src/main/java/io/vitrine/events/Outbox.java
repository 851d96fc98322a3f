package io.vitrine.events;

/**
 * Where changes record their events. {@link #append} joins the caller's transaction (a thread-bound
 * handle, see {@code Transactions}): the event is committed with the change it describes, or not
 * at all. Call it from inside the transaction that makes the change; outside one it commits alone.
 */
public interface Outbox {
    void append(Event event);
}
