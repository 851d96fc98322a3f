package io.vitrine.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;

/**
 * The canonical form and hash of an event. Canonical form: the JSON array
 * {@code [seq, at (ISO-8601, UTC), actor, action, target, details]} with {@code details} as its
 * stored canonical JSON text; hash = SHA-256 hex of {@code prevHash + "\n" + canonical}. Anyone can
 * recompute it from an export.
 */
final class AuditChain {
    static final String GENESIS = "0".repeat(64);

    private final ObjectMapper json;

    AuditChain(ObjectMapper json) {
        this.json = json.copy().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);
    }

    String canonicalDetails(Map<String, String> details) {
        return write(new TreeMap<>(details));
    }

    String hash(AuditEvent e) {
        String canonical = write(Arrays.asList(e.seq(), e.at().toString(), e.actor(), e.action(), e.target(), e.details()));
        return io.vitrine.common.Hashes.sha256Hex(e.prevHash() + "\n" + canonical);
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot serialize an audit event", e);
        }
    }
}
