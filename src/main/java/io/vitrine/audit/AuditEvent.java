package io.vitrine.audit;

import java.time.Instant;

/**
 * One entry of the append-only log. {@code details} is canonical JSON (keys sorted); {@code hash}
 * is SHA-256 over the previous event's hash and this event's canonical form ({@link AuditChain}).
 */
public record AuditEvent(long seq, Instant at, String actor, String action, String target, String details,
        String prevHash, String hash) {}
