package io.vitrine.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.vitrine.db.Transactions;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

/**
 * Records what people and links did, as a hash chain, and proves the chain. Appends are serialized
 * by the head lock of {@link AuditLog}, so parallel requests (or nodes) never fork the chain.
 */
public final class AuditService {
    private static final int PAGE = 1000;

    private final AuditLog log;
    private final Transactions tx;
    private final AuditChain chain;
    private final Clock clock;

    public AuditService(AuditLog log, Transactions tx, ObjectMapper json, Clock clock) {
        this.log = log;
        this.tx = tx;
        this.chain = new AuditChain(json);
        this.clock = clock;
    }

    public AuditEvent record(String actor, String action, String target, Map<String, String> details) {
        String canonical = chain.canonicalDetails(details);
        return tx.inTransaction(() -> {
            AuditLog.Head head = log.lockHead();
            Instant at = clock.instant().truncatedTo(ChronoUnit.MICROS);
            AuditEvent draft = new AuditEvent(head.seq() + 1, at, actor, action, target, canonical, head.hash(), null);
            AuditEvent event = new AuditEvent(draft.seq(), at, actor, action, target, canonical, head.hash(), chain.hash(draft));
            log.append(event);
            return event;
        });
    }

    public List<AuditEvent> page(long afterSeq, int limit) {
        return log.page(afterSeq, limit);
    }

    /** {@code firstBroken}: the seq of the first event that does not chain, or null when valid. */
    public record Verification(boolean valid, long events, Long firstBroken, String reason) {}

    /** Walks the whole chain from the first event, recomputing every hash. */
    public Verification verify() {
        String prev = AuditChain.GENESIS;
        long expected = 1;
        for (List<AuditEvent> page = log.page(0, PAGE); !page.isEmpty(); page = log.page(expected - 1, PAGE)) {
            for (AuditEvent e : page) {
                String problem = problem(e, expected, prev);
                if (problem != null) {
                    return new Verification(false, expected - 1, e.seq(), problem);
                }
                prev = e.hash();
                expected++;
            }
        }
        AuditLog.Head head = log.head();
        if (head.seq() != expected - 1 || !head.hash().equals(prev)) {
            return new Verification(false, expected - 1, expected, "events after " + (expected - 1) + " are missing (the head is at " + head.seq() + ")");
        }
        return new Verification(true, expected - 1, null, null);
    }

    private String problem(AuditEvent e, long expected, String prev) {
        if (e.seq() != expected) {
            return "event " + expected + " is missing";
        }
        if (!e.prevHash().equals(prev)) {
            return "event " + e.seq() + " does not point at the hash of event " + (e.seq() - 1);
        }
        if (!chain.hash(e).equals(e.hash())) {
            return "event " + e.seq() + " was altered (its hash does not match its content)";
        }
        return null;
    }
}
