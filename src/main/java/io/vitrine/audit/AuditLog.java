package io.vitrine.audit;

import java.util.List;

/**
 * Storage of the audit chain. Contract: {@link #lockHead} must be called inside a transaction and
 * holds, until it ends, a lock that every other {@code lockHead} waits for (on every node), so
 * appends form one chain; {@link #append} inserts the event and moves the head. Events are never
 * updated or deleted. {@link #page} lists events with {@code seq > afterSeq} in order.
 */
public interface AuditLog {

    Head lockHead();

    void append(AuditEvent event);

    List<AuditEvent> page(long afterSeq, int limit);

    Head head();

    record Head(long seq, String hash) {}
}
